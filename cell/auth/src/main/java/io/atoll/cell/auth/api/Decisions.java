package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Authorization;
import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an authorization into what the HTTP side needs: counts it, and for a refusal builds the
 * problem+json error with the {@code WWW-Authenticate} header of RFC 6750.
 */
@Singleton
final class Decisions {
    private final Counter granted;
    private final Counter anonymous;
    private final Counter unauthenticated;
    private final Counter forbidden;
    private final Counter uncovered;

    Decisions(MeterRegistry registry) {
        this.granted = counter(registry, "granted");
        this.anonymous = counter(registry, "anonymous");
        this.unauthenticated = counter(registry, "unauthenticated");
        this.forbidden = counter(registry, "forbidden");
        this.uncovered = counter(registry, "uncovered");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("atoll.auth.decisions").description("Forward-auth and proxy decisions").tag("outcome", outcome).register(registry);
    }

    /** The identity headers an allowed request carries on: none for an anonymous one. */
    static Map<String, String> identityHeaders(Authorization authorization) {
        Map<String, String> headers = new LinkedHashMap<>(4);
        if (authorization instanceof Authorization.Granted granted) {
            headers.put(IdentityHeaders.SUBJECT, granted.token().subject());
            headers.put(IdentityHeaders.SCOPES, granted.token().scopes().toString());
            headers.put(IdentityHeaders.HOME_CELL, granted.token().homeCell());
        }
        return headers;
    }

    private void allowed(Authorization authorization) {
        (authorization instanceof Authorization.Granted ? granted : anonymous).increment();
    }

    /** Counts a forward-auth decision; a refusal comes back as the error to answer with. */
    Optional<ProblemException> refusal(Authorization authorization) {
        if (authorization instanceof Authorization.Uncovered) {
            uncovered.increment();
            return Optional.of(new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "no policy allows this request"));
        }
        return refusalOfCoveredPath(authorization);
    }

    /** Counts a decision of the ingress proxy; a refusal comes back as the error to answer with. */
    Optional<ProblemException> proxyRefusal(Authorization authorization) {
        if (authorization instanceof Authorization.Uncovered) {
            uncovered.increment();
            return Optional.of(new ProblemException(HttpStatus.NOT_FOUND, "Not Found", "nothing is served at this path"));
        }
        return refusalOfCoveredPath(authorization);
    }

    private Optional<ProblemException> refusalOfCoveredPath(Authorization authorization) {
        if (authorization instanceof Authorization.Granted || authorization instanceof Authorization.Anonymous) {
            allowed(authorization);
            return Optional.empty();
        }
        if (authorization instanceof Authorization.Unauthenticated refused) {
            unauthenticated.increment();
            String challenge = refused.reason() == null ? "Bearer realm=\"atoll\""
                    : "Bearer realm=\"atoll\", error=\"invalid_token\", error_description=\"" + refused.description() + "\"";
            return Optional.of(new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", refused.description())
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
        }
        Authorization.Forbidden refused = (Authorization.Forbidden) authorization;
        forbidden.increment();
        return Optional.of(new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", refused.description())
                .withHeader(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"atoll\", error=\"insufficient_scope\", scope=\"" + refused.required() + "\""));
    }
}
