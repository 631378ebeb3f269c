package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.MemberScopes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.List;

/**
 * Authorization server metadata (RFC 8414). The issuer is the address the client used, as the RFC asks: through the
 * global router that is the router's, whichever cell answers, since every cell serves the same endpoints. A proxy
 * that ends TLS in front says so with {@code X-Forwarded-Proto}.
 */
@Controller
final class MetadataController {
    private final List<String> memberScopes;

    MetadataController(MemberScopes memberScopes) {
        this.memberScopes = List.copyOf(memberScopes.scopes().names());
    }

    @Get(uri = OwnRoutes.METADATA, produces = MediaType.APPLICATION_JSON)
    HttpResponse<AuthorizationServerMetadata> metadata(HttpRequest<?> request) {
        String scheme = request.getHeaders().get("X-Forwarded-Proto", String.class).filter(proto -> proto.equals("https")).orElse("http");
        String host = request.getHeaders().get(HttpHeaders.HOST, String.class)
                .orElseGet(() -> request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort());
        return HttpResponse.ok(AuthorizationServerMetadata.at(scheme + "://" + host, memberScopes))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
