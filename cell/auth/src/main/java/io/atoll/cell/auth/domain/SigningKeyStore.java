package io.atoll.cell.auth.domain;

import io.atoll.cell.auth.domain.StoredSigningKey.KeyStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the cell's signing keys are kept. Writes join the caller's transaction. */
public interface SigningKeyStore {
    /** Serializes key changes across processes (replicas starting, an operator rotating) until the transaction ends. */
    void lockForChange();

    Optional<StoredSigningKey> findByStatus(KeyStatus status);

    /** Every key, oldest first. */
    List<StoredSigningKey> findAll();

    void add(StoredSigningKey key);

    void update(StoredSigningKey key);

    /** Deletes the retired keys whose publication ended before {@code before}. */
    void deleteRetiredBefore(Instant before);
}
