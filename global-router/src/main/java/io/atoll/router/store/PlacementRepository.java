package io.atoll.router.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlacementRepository extends GenericRepository<Placement, String> {
    Optional<String> findCellIdByAccountKey(String accountKey);

    /** The first placement of an account wins: a later sign-up elsewhere does not move the member. */
    @Query("INSERT INTO placement (account_key, cell_id, placed_at) VALUES (:accountKey, :cellId, now()) ON CONFLICT (account_key) DO NOTHING")
    void insertIfAbsent(String accountKey, String cellId);
}
