package io.atoll.cell.auth.api;

import io.atoll.cell.auth.config.AuthSettings;
import io.atoll.cell.auth.domain.Authorization;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.edge.ForwardedHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.management.endpoint.EndpointDefaultConfiguration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Optional;

/**
 * The cell's authenticating ingress. Requests for the service's own endpoints go to its controllers (with
 * a small body limit); every other request is decided by the policy and, when allowed, forwarded upstream
 * with the client's identity headers replaced by the verified ones. Bodies stream through both ways. Most
 * allowed requests never get here: those decided without a signature check are forwarded from the connection's
 * pipeline by the {@link IngressProxyHandler}, at a fraction of the cost; this filter takes the rest.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class IngressProxyFilter implements HttpServerFilter {
    private final RequestAuthorizer authorizer;
    private final Decisions decisions;
    private final ProxyHttpClient upstream;
    private final URI upstreamUrl;
    private final int ownRequestMaxBytes;
    private final int managementPort;

    IngressProxyFilter(RequestAuthorizer authorizer, Decisions decisions, @Client ProxyHttpClient upstream,
                       AuthSettings settings, EndpointDefaultConfiguration endpoints) {
        this.authorizer = authorizer;
        this.decisions = decisions;
        this.upstream = upstream;
        this.upstreamUrl = settings.upstreamUrl();
        this.ownRequestMaxBytes = settings.ownRequestMaxBytes();
        this.managementPort = endpoints.getPort().orElse(-1);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getServerAddress().getPort() == managementPort) {
            // Health and metrics: only the service's own endpoints are served there.
            return chain.proceed(request);
        }
        if (OwnRoutes.isOwn(request.getMethodName(), request.getPath())) {
            Optional<ProblemException> tooLarge = checkOwnBodySize(request);
            return tooLarge.isPresent() ? Mono.<MutableHttpResponse<?>>error(tooLarge.get()) : chain.proceed(request);
        }
        String target = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        return Mono.fromFuture(authorizer.authorize(request.getMethodName(), target, request.getHeaders().get(HttpHeaders.AUTHORIZATION)))
                .flatMap(authorization -> {
                    // The access log's route reason, which its handler takes off the answer.
                    String decision = IngressAccessLog.decision(authorization);
                    Optional<ProblemException> refusal = decisions.proxyRefusal(authorization);
                    if (refusal.isPresent()) {
                        return Mono.error(refusal.get().withHeader(IngressAccessLog.DECISION, decision));
                    }
                    return Mono.from(upstream.proxy(upstreamRequest(request, authorization)))
                            .<MutableHttpResponse<?>>map(response -> {
                                // The app's connection is not the client's: passed on, an app's "Connection: close" after an
                                // early answer would have the server close the client's connection with its body still arriving.
                                response.getHeaders().remove(HttpHeaders.CONNECTION);
                                return response.header(IngressAccessLog.DECISION, decision);
                            })
                            .onErrorMap(HttpClientException.class, failure -> new ProblemException(HttpStatus.BAD_GATEWAY,
                                    "Bad Gateway", "the upstream service could not be reached").withHeader(IngressAccessLog.DECISION, decision));
                });
    }

    private Optional<ProblemException> checkOwnBodySize(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > ownRequestMaxBytes) {
            return Optional.of(new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Payload Too Large",
                    "this endpoint accepts at most " + ownRequestMaxBytes + " bytes"));
        }
        if (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return Optional.of(new ProblemException(HttpStatus.LENGTH_REQUIRED, "Length Required",
                    "this endpoint needs a Content-Length"));
        }
        return Optional.empty();
    }

    private MutableHttpRequest<?> upstreamRequest(HttpRequest<?> request, Authorization authorization) {
        MutableHttpRequest<?> forwarded = request.mutate().uri(uri -> uri.scheme(upstreamUrl.getScheme())
                .host(upstreamUrl.getHost())
                .port(upstreamUrl.getPort()));
        MutableHttpHeaders headers = forwarded.getHeaders();
        IdentityHeaders.ALL.forEach(headers::remove);
        Decisions.identityHeaders(authorization).forEach(headers::set);
        String arrived = headers.get(ForwardedHeaders.FORWARDED_FOR);
        headers.set(ForwardedHeaders.FORWARDED_FOR, ForwardedHeaders.forwardedFor(arrived, ForwardedHeaders.peerAddress(request.getRemoteAddress())));
        return forwarded;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
