package io.atoll.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCorePostgresIT {
    private static final String REFUSED_ROLE = "replica_only_people";

    @Test
    void whatThePrimaryCommitsTheReplicaServesReadOnlyAndThePrimarysRefusalsHoldOnlyThere() throws SQLException {
        TestCorePostgres pair = TestServers.corePostgres(List.of("host all +" + REFUSED_ROLE + " all reject"), List.of());
        try (ReplicatedDatabase database = pair.createDatabase("pair")) {
            String login = UniqueNames.of("reader");
            try (Connection primary = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                 Statement statement = primary.createStatement()) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + REFUSED_ROLE + "') THEN CREATE ROLE "
                        + REFUSED_ROLE + " NOLOGIN; END IF; END $$");
                statement.execute("CREATE ROLE " + login + " LOGIN IN ROLE " + REFUSED_ROLE);
                statement.execute("CREATE TABLE item (id int PRIMARY KEY)");
                statement.execute("INSERT INTO item VALUES (1), (2)");
                statement.execute("GRANT SELECT ON item TO " + login);
            }
            database.awaitReplica();

            try (Connection replica = DriverManager.getConnection(database.replicaJdbcUrl(), login, "");
                 Statement statement = replica.createStatement()) {
                ResultSet count = statement.executeQuery("SELECT count(*) FROM item");
                count.next();
                assertThat(count.getInt(1)).isEqualTo(2);
                assertThatThrownBy(() -> statement.execute("INSERT INTO item VALUES (3)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only transaction");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), login, "").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("pg_hba.conf rejects connection");
            try (Connection primary = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
                primary.createStatement().execute("DROP OWNED BY " + login);
                primary.createStatement().execute("DROP ROLE " + login);
            }
        }
    }
}
