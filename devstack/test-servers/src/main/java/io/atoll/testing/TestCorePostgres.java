package io.atoll.testing;

import io.atoll.devstack.server.postgres.PostgresReplica;
import io.atoll.devstack.server.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * The build's core primary and its streaming read replica (the pair the cells' core databases run on), handing out a
 * database per test, made on the primary and replicated to the replica.
 */
public final class TestCorePostgres {
    private final PostgresServer primary;
    private final PostgresReplica replica;

    TestCorePostgres(PostgresReplica replica) {
        this.replica = requireNonNull(replica, "replica is null");
        this.primary = replica.primary();
    }

    /** Creates an empty database whose name starts with {@code prefix}, and returns once the replica has it too. */
    public ReplicatedDatabase createDatabase(String prefix) {
        String name = UniqueNames.of(prefix);
        execute("CREATE DATABASE " + name);
        ReplicatedDatabase database = new ReplicatedDatabase(this, name);
        database.awaitReplica();
        return database;
    }

    PostgresServer primary() {
        return primary;
    }

    PostgresReplica replica() {
        return replica;
    }

    void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = primary.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the core primary refused: " + sql, e);
        }
    }
}
