package io.atoll.cell.auth.domain;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** What a token request ends in. */
public sealed interface GrantOutcome {
    /**
     * Tokens for the caller.
     *
     * @param accessToken the signed access token
     * @param expiresIn its lifetime
     * @param refreshToken the refresh token, or null where the grant gives none (client credentials)
     * @param scopes the scopes granted
     */
    record Issued(String accessToken, Duration expiresIn, String refreshToken, Scopes scopes) implements GrantOutcome {
        public Issued {
            requireNonNull(accessToken, "accessToken is null");
            requireNonNull(expiresIn, "expiresIn is null");
            requireNonNull(scopes, "scopes is null");
        }
    }

    /**
     * A refusal in RFC 6749's terms.
     *
     * @param error the error code
     * @param description what went wrong, safe to show the caller
     * @param retryAfter how long to wait when the refusal is a lock, else null
     */
    record Refused(OAuthError error, String description, Duration retryAfter) implements GrantOutcome {
        public Refused {
            requireNonNull(error, "error is null");
            requireNonNull(description, "description is null");
        }

        public static Refused of(OAuthError error, String description) {
            return new Refused(error, description, null);
        }
    }
}
