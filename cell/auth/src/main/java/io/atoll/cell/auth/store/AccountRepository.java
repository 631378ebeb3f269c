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
public interface AccountRepository extends CrudRepository<Account, UUID> {
    Optional<Account> findByEmail(String email);

    Optional<Account> findByClientId(String clientId);

    boolean existsByEmail(String email);

    boolean existsByClientId(String clientId);

    /** The account, locked for the rest of the transaction so that concurrent failures count one by one. */
    @Query("SELECT * FROM accounts WHERE id = :id FOR UPDATE")
    Optional<Account> findByIdForUpdate(UUID id);

    void update(@Id UUID id, int failedLogins, @Nullable Instant failureWindowStart, @Nullable Instant lockedUntil);
}
