package io.atoll.cell.auth.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An access token revoked before its expiry.
 *
 * @param seq the order in which revocations were stored, so that a replica reads only those it has not seen
 * @param jti the token's id
 * @param expiresAt when the token expires, after which the revocation no longer matters
 */
public record Revocation(long seq, String jti, Instant expiresAt) {
    public Revocation {
        requireNonNull(jti, "jti is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }
}
