package io.atoll.cell.auth.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An access token whose signature and claims were checked.
 *
 * @param subject the account id
 * @param scopes what the token allows
 * @param homeCell the cell the account lives in
 * @param issuer the cell that issued the token
 * @param jti the token's id, under which it can be revoked
 * @param expiresAt when it stops being valid
 * @param notBefore when it starts being valid
 */
public record VerifiedToken(String subject, Scopes scopes, String homeCell, String issuer, String jti,
                            Instant expiresAt, Instant notBefore) {
    public VerifiedToken {
        requireNonNull(subject, "subject is null");
        requireNonNull(scopes, "scopes is null");
        requireNonNull(homeCell, "homeCell is null");
        requireNonNull(issuer, "issuer is null");
        requireNonNull(jti, "jti is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(notBefore, "notBefore is null");
    }
}
