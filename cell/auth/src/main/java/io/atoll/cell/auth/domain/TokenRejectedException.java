package io.atoll.cell.auth.domain;

import static java.util.Objects.requireNonNull;

/** An access token that must not be accepted, and why. */
public final class TokenRejectedException extends RuntimeException {
    /** Why a token was refused; {@link #description} is safe to show the caller. */
    public enum Reason {
        MALFORMED("the token is not a signed JWT"),
        UNSUPPORTED_ALGORITHM("the token's algorithm is not accepted"),
        WRONG_TYPE("the token is not an access token"),
        UNKNOWN_KEY("the token's signing key is not known"),
        BAD_SIGNATURE("the token's signature does not verify"),
        WRONG_ISSUER("the token's issuer is not accepted"),
        WRONG_AUDIENCE("the token is not meant for this platform"),
        MISSING_CLAIM("the token lacks a required claim"),
        EXPIRED("the token has expired"),
        NOT_YET_VALID("the token is not valid yet"),
        REVOKED("the token was revoked");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason) {
        // Refusals are routine (every expired token is one): no stack trace to fill in.
        super(requireNonNull(reason, "reason is null").description(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
