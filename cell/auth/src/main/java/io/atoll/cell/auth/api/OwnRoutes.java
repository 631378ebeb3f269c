package io.atoll.cell.auth.api;

import io.atoll.cell.contracts.AuthPaths;

import java.util.Set;

/**
 * The requests the auth service answers itself; every other request arriving at the ingress is checked
 * and forwarded upstream.
 */
final class OwnRoutes {
    static final String SIGN_UP = AuthPaths.SIGN_UP;
    static final String TOKEN = AuthPaths.TOKEN;
    static final String REVOKE = AuthPaths.REVOKE;
    static final String INTROSPECT = "/oauth/introspect";
    static final String METADATA = "/.well-known/oauth-authorization-server";
    static final String JWKS = "/.well-known/jwks.json";
    static final String CHECK = "/auth/check";
    static final String READINESS = "/health/readiness";
    static final String LIVENESS = "/health/liveness";
    /** The mobile API's OpenAPI document ({@link MobileApiDocument}). */
    static final String MOBILE_API = "/openapi/mobile-api.yml";
    /**
     * The endpoints a member's app uses, which the mobile API describes beside the app's. The others serve the cell's
     * services (introspection, forward-auth), probes, and the document itself.
     */
    static final Set<String> MEMBERS_USE = Set.of(SIGN_UP, TOKEN, REVOKE, METADATA, JWKS);

    private OwnRoutes() {
    }

    /** Whether the service answers this request itself, by its method's name and its path (without the query). */
    static boolean isOwn(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return switch (path) {
            case SIGN_UP, TOKEN, REVOKE, INTROSPECT -> method.equals("POST");
            case JWKS, METADATA, CHECK, READINESS, LIVENESS, MOBILE_API -> read;
            default -> false;
        };
    }
}
