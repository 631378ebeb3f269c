package io.atoll.cell.auth.api;

import io.micronaut.http.HttpMethod;

/**
 * The requests the auth service answers itself; every other request arriving at the ingress is checked
 * and forwarded upstream.
 */
final class OwnRoutes {
    static final String SIGN_UP = "/v1/accounts";
    static final String TOKEN = "/oauth/token";
    static final String REVOKE = "/oauth/revoke";
    static final String JWKS = "/.well-known/jwks.json";
    static final String CHECK = "/auth/check";

    private OwnRoutes() {
    }

    static boolean isOwn(HttpMethod method, String path) {
        return switch (path) {
            case SIGN_UP, TOKEN, REVOKE -> method == HttpMethod.POST;
            case JWKS, CHECK, "/prometheus" -> method == HttpMethod.GET || method == HttpMethod.HEAD;
            default -> (method == HttpMethod.GET || method == HttpMethod.HEAD)
                    && (path.equals("/health") || path.startsWith("/health/"));
        };
    }
}
