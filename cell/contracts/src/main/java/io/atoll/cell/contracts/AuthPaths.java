package io.atoll.cell.contracts;

/** The public paths of a cell's auth that other parts of the platform route or call. */
public final class AuthPaths {
    /** Member sign-up, a JSON body naming the {@code email}. */
    public static final String SIGN_UP = "/v1/accounts";
    /** The OAuth 2 token endpoint (RFC 6749). */
    public static final String TOKEN = "/oauth/token";
    /** Token revocation (RFC 7009). */
    public static final String REVOKE = "/oauth/revoke";

    private AuthPaths() {
    }
}
