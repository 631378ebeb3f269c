package io.atoll.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static java.util.Objects.requireNonNull;

/** A database of its own for one test on the core primary, read on its replica too; closing it drops it from both. */
public final class ReplicatedDatabase implements TestDatabase {
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private final TestCorePostgres servers;
    private final String name;

    ReplicatedDatabase(TestCorePostgres servers, String name) {
        this.servers = requireNonNull(servers, "servers is null");
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String name() {
        return name;
    }

    /** The database on the primary, where it is written. */
    @Override
    public String jdbcUrl() {
        return servers.primary().jdbcUrl(name);
    }

    /** The same database on the replica, read-only. */
    public String replicaJdbcUrl() {
        return servers.replica().jdbcUrl(name);
    }

    /** The superuser of both servers (the replica's roles are the primary's). */
    @Override
    public String username() {
        return servers.primary().user();
    }

    @Override
    public String password() {
        return "";
    }

    /** Returns once the replica has replayed everything the primary had written when this was called. */
    public void awaitReplica() {
        try (Connection primary = servers.primary().connect("postgres");
             ResultSet written = primary.createStatement().executeQuery("SELECT pg_current_wal_lsn()::text");
             Connection replica = DriverManager.getConnection(servers.replica().jdbcUrl("postgres"), username(), password());
             PreparedStatement replayed = replica.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            written.next();
            replayed.setString(1, written.getString(1));
            long deadline = System.nanoTime() + REPLAY_TIMEOUT.toNanos();
            while (true) {
                try (ResultSet row = replayed.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica had not replayed " + written.getString(1) + " after " + REPLAY_TIMEOUT.toSeconds() + " s");
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not compare the primary's and the replica's positions", e);
        }
    }

    @Override
    public void close() {
        servers.drop(name);
    }
}
