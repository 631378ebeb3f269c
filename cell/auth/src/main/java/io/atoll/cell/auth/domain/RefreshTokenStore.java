package io.atoll.cell.auth.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where issued refresh tokens are kept. Writes join the caller's transaction. */
public interface RefreshTokenStore {
    /** The token with this hash, locked for the rest of the transaction: of two concurrent uses, the second sees the first. */
    Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash);

    void add(RefreshToken token);

    void markUsed(UUID id, Instant usedAt);

    /** Revokes every token of the family not revoked yet. */
    void revokeFamily(UUID familyId, Instant now);

    /** The family's tokens whose access tokens are still unexpired at {@code now}. */
    List<RefreshToken> findWithUnexpiredAccessToken(UUID familyId, Instant now);

    void deleteExpiredBefore(Instant before);
}
