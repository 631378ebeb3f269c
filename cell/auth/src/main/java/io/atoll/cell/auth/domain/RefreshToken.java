package io.atoll.cell.auth.domain;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One issued refresh token, known only by its hash.
 *
 * @param id the token's id
 * @param familyId the sign-in it descends from: every rotation stays in the family, and reuse revokes all of it
 * @param accountId the account it refreshes
 * @param tokenHash the SHA-256 of the token
 * @param scopes what it may refresh
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid
 * @param usedAt when it was spent on a refresh; null while unused
 * @param revokedAt when its family was revoked; null while not
 * @param accessJti the id of the access token issued with it
 * @param accessExpiresAt when that access token expires
 */
public record RefreshToken(UUID id, UUID familyId, UUID accountId, byte[] tokenHash, Scopes scopes, Instant issuedAt,
                           Instant expiresAt, Instant usedAt, Instant revokedAt, String accessJti, Instant accessExpiresAt) {
    public RefreshToken {
        requireNonNull(id, "id is null");
        requireNonNull(familyId, "familyId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(tokenHash, "tokenHash is null");
        requireNonNull(scopes, "scopes is null");
        requireNonNull(issuedAt, "issuedAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(accessJti, "accessJti is null");
        requireNonNull(accessExpiresAt, "accessExpiresAt is null");
    }
}
