package io.atoll.cell.auth.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends CrudRepository<AccountRow, UUID> {
    Optional<AccountRow> findByEmail(String email);

    Optional<AccountRow> findByClientId(String clientId);

    boolean existsByEmail(String email);

    boolean existsByClientId(String clientId);

    @Query("SELECT * FROM accounts WHERE id = :id FOR UPDATE")
    Optional<AccountRow> findByIdForUpdate(UUID id);

    void update(@Id UUID id, int failedLogins, @Nullable Instant failureWindowStart, @Nullable Instant lockedUntil);

    void update(@Id UUID id, String secretHash, String scopes);
}
