package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.SigningKeyStore;
import io.atoll.cell.auth.domain.StoredSigningKey;
import io.atoll.cell.auth.domain.StoredSigningKey.KeyStatus;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The cell's signing keys in the {@code signing_keys} table. */
@Singleton
final class PostgresSigningKeyStore implements SigningKeyStore {
    private final SigningKeyRepository rows;

    PostgresSigningKeyStore(SigningKeyRepository rows) {
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public void lockForChange() {
        rows.lockForChange();
    }

    @Override
    public Optional<StoredSigningKey> findByStatus(KeyStatus status) {
        return rows.findByStatus(status).map(SigningKeyRow::toSigningKey);
    }

    @Override
    public List<StoredSigningKey> findAll() {
        return rows.findAllOrderByCreatedAt().stream().map(SigningKeyRow::toSigningKey).toList();
    }

    @Override
    public void add(StoredSigningKey key) {
        rows.save(SigningKeyRow.of(key));
    }

    @Override
    public void update(StoredSigningKey key) {
        rows.update(SigningKeyRow.of(key));
    }

    @Override
    public void deleteRetiredBefore(Instant before) {
        rows.deleteRetiredBefore(before);
    }
}
