package io.atoll.cell.storage.store;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The streaming replicas of the cell's database and their lag, from the primary's own view of them. */
@Singleton
public class ReplicaLagStore {
    private final Sql sql;

    ReplicaLagStore(Sql sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    /** Every replica streaming from this database now; none where it has none (or is itself a replica). */
    @ReadOnly
    public List<ReplicaLag> replicas() {
        // The primary forgets the last replay lag a while after a replica has caught up: no lag is then 0 s.
        return sql.list("""
                SELECT application_name, greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint,
                       coalesce(extract(epoch FROM replay_lag), 0)::float8
                FROM pg_stat_replication WHERE replay_lsn IS NOT NULL AND NOT pg_is_in_recovery()""",
                row -> new ReplicaLag(row.getString(1), row.getLong(2), row.getDouble(3)));
    }
}
