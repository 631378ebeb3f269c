package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.StoredSigningKey.KeyStatus;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SigningKeyRepository extends CrudRepository<SigningKeyRow, String> {
    @Query("SELECT count(*) FROM pg_advisory_xact_lock(7310001)")
    long lockForChange();

    Optional<SigningKeyRow> findByStatus(KeyStatus status);

    List<SigningKeyRow> findAllOrderByCreatedAt();

    @Query("DELETE FROM signing_keys WHERE status = 'RETIRED' AND publish_until < :before")
    void deleteRetiredBefore(Instant before);
}
