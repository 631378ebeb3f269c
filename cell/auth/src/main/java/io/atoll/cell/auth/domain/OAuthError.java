package io.atoll.cell.auth.domain;

import java.util.Locale;

/** The error codes of RFC 6749 section 5.2 that this server answers with. */
public enum OAuthError {
    INVALID_REQUEST,
    INVALID_CLIENT,
    INVALID_GRANT,
    UNAUTHORIZED_CLIENT,
    UNSUPPORTED_GRANT_TYPE,
    INVALID_SCOPE;

    /** The code as it appears on the wire. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
