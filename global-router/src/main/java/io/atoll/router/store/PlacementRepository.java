package io.atoll.router.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlacementRepository extends GenericRepository<Placement, String> {
    Optional<Placement> findByAccountKey(String accountKey);

    /** The cell the account lives in; a sign-up's hold is not yet a home. */
    @Query("SELECT cell_id FROM placement WHERE account_key = :accountKey AND confirmed")
    Optional<String> findHomeCell(String accountKey);

    /** The first to hold an address wins; a later sign-up anywhere learns the holder from {@link #findByAccountKey}. */
    @Query("INSERT INTO placement (account_key, cell_id, placed_at, confirmed, hold_id) VALUES (:accountKey, :cellId, now(), false, :holdId) "
            + "ON CONFLICT (account_key) DO NOTHING")
    void holdIfAbsent(String accountKey, String cellId, UUID holdId);

    /** The account was created in this cell: its hold, or no row at all, becomes its placement. */
    @Query("INSERT INTO placement (account_key, cell_id, placed_at, confirmed) VALUES (:accountKey, :cellId, now(), true) "
            + "ON CONFLICT (account_key) DO UPDATE SET confirmed = true, hold_id = NULL WHERE placement.cell_id = EXCLUDED.cell_id")
    void confirm(String accountKey, String cellId);

    @Query("DELETE FROM placement WHERE account_key = :accountKey AND hold_id = :holdId AND NOT confirmed")
    void releaseHold(String accountKey, UUID holdId);
}
