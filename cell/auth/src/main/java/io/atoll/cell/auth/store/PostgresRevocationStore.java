package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.Revocation;
import io.atoll.cell.auth.domain.RevocationStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Revoked access tokens in the {@code revoked_access_tokens} table. */
@Singleton
final class PostgresRevocationStore implements RevocationStore {
    private final RevokedAccessTokenRepository rows;

    PostgresRevocationStore(RevokedAccessTokenRepository rows) {
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public void addIfAbsent(String jti, Instant expiresAt, Instant revokedAt) {
        rows.insertIfAbsent(jti, expiresAt, revokedAt);
    }

    @Override
    public List<Revocation> findAfter(long seq, Instant now) {
        return rows.findBySeqGreaterThanAndExpiresAtGreaterThanOrderBySeq(seq, now).stream()
                .map(row -> new Revocation(row.seq(), row.jti(), row.expiresAt()))
                .toList();
    }

    @Override
    public void deleteExpiredBefore(Instant before) {
        rows.deleteByExpiresAtLessThan(before);
    }
}
