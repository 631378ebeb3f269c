package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Authorization;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;

import java.util.concurrent.CompletableFuture;

/**
 * Forward-auth in the contract of nginx {@code auth_request}, Traefik ForwardAuth and Envoy ext_authz (HTTP):
 * the proxy in front asks about the original request, named by {@code X-Forwarded-Method} and
 * {@code X-Forwarded-Uri}, and passes it on with the identity headers of a 200. Runs on the event loop:
 * a decision never waits on the database. Most checks never get here: {@link ForwardAuthHandler} answers
 * those it can decide at once in the connection's pipeline; this controller answers the rest (refusals,
 * tokens whose keys must be fetched first, pipelined requests).
 */
@Controller
final class ForwardAuthController {
    static final String FORWARDED_METHOD = "X-Forwarded-Method";
    static final String FORWARDED_URI = "X-Forwarded-Uri";

    private final RequestAuthorizer authorizer;
    private final Decisions decisions;

    ForwardAuthController(RequestAuthorizer authorizer, Decisions decisions) {
        this.authorizer = authorizer;
        this.decisions = decisions;
    }

    @Get(OwnRoutes.CHECK)
    CompletableFuture<HttpResponse<?>> check(@Header(FORWARDED_METHOD) @Nullable String method,
                                             @Header(FORWARDED_URI) @Nullable String uri,
                                             @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        if (method == null || uri == null) {
            return CompletableFuture.failedFuture(new ProblemException(HttpStatus.BAD_REQUEST, "Bad Request",
                    FORWARDED_METHOD + " and " + FORWARDED_URI + " are required"));
        }
        return authorizer.authorize(method, uri, authorization).thenApply(this::answer);
    }

    private HttpResponse<?> answer(Authorization authorization) {
        decisions.refusal(authorization).ifPresent(problem -> {
            throw problem;
        });
        MutableHttpResponse<?> response = HttpResponse.ok();
        Decisions.identityHeaders(authorization).forEach(response::header);
        return response;
    }
}
