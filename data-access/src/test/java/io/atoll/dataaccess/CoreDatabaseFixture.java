package io.atoll.dataaccess;

import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.store.ScopeMigration;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestDatabase;
import io.atoll.testing.TestServers;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A cell's core database as a cell has it: storage's migrations, then the teams' scopes. */
public final class CoreDatabaseFixture {
    public static final String CELL = "eu-west-1";

    private CoreDatabaseFixture() {
    }

    public static PostgresDatabase create(String prefix) {
        PostgresDatabase database = TestServers.postgres().createDatabase(prefix);
        migrateAndScope(database);
        return database;
    }

    /** Storage's migrations, then the teams' scopes, on a database a test made. */
    public static void migrateAndScope(TestDatabase database) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("filesystem:" + Path.of(System.getProperty("atoll.root", "..")).resolve("cell/storage/src/main/resources/db/migration"))
                .placeholders(Map.of("serviceRole", "storage_service"))
                .load()
                .migrate();
        new ScopeMigration(database.jdbcUrl(), database.username(), database.password())
                .apply(PostgresScopeCompiler.compile(RepositoryScopes.load()), CELL);
    }

    /** Runs statements as the schema owner, as a hand at a psql prompt would. */
    public static void asOwner(TestDatabase database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Roles are the server's, not the database's: dropped from the server's maintenance database. */
    public static void dropRoles(TestDatabase database, String... roles) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl().replace(database.name(), "postgres"),
                database.username(), database.password()); Statement statement = connection.createStatement()) {
            for (String role : roles) {
                statement.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}
