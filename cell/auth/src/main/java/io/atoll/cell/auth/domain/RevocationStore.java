package io.atoll.cell.auth.domain;

import java.time.Instant;
import java.util.List;

/** Where revocations of access tokens are kept, shared by every replica of the cell. */
public interface RevocationStore {
    /** Stores a revocation; a token revoked before stays as it was. */
    void addIfAbsent(String jti, Instant expiresAt, Instant revokedAt);

    /** The revocations stored after {@code seq} whose tokens are still unexpired at {@code now}, in the order stored. */
    List<Revocation> findAfter(long seq, Instant now);

    void deleteExpiredBefore(Instant before);
}
