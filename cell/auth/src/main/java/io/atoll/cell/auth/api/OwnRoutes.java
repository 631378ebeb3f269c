package io.atoll.cell.auth.api;

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

    /** Whether the service answers this request itself, by its method's name and its path (without the query). */
    static boolean isOwn(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return switch (path) {
            case SIGN_UP, TOKEN, REVOKE -> method.equals("POST");
            case JWKS, CHECK, "/prometheus" -> read;
            default -> read && (path.equals("/health") || path.startsWith("/health/"));
        };
    }
}
