package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.RefreshToken;
import io.atoll.cell.auth.domain.RefreshTokenStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The refresh tokens in the {@code refresh_tokens} table. */
@Singleton
final class PostgresRefreshTokenStore implements RefreshTokenStore {
    private final RefreshTokenRepository rows;

    PostgresRefreshTokenStore(RefreshTokenRepository rows) {
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash) {
        return rows.findByTokenHashForUpdate(tokenHash).map(RefreshTokenRow::toRefreshToken);
    }

    @Override
    public void add(RefreshToken token) {
        rows.save(RefreshTokenRow.of(token));
    }

    @Override
    public void markUsed(UUID id, Instant usedAt) {
        rows.update(id, usedAt);
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        rows.revokeFamily(familyId, now);
    }

    @Override
    public List<RefreshToken> findWithUnexpiredAccessToken(UUID familyId, Instant now) {
        return rows.findByFamilyIdAndAccessExpiresAtGreaterThan(familyId, now).stream().map(RefreshTokenRow::toRefreshToken).toList();
    }

    @Override
    public void deleteExpiredBefore(Instant before) {
        rows.deleteByExpiresAtLessThan(before);
    }
}
