package io.atoll.testing;

import io.atoll.devstack.server.postgres.PostgresServer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/** The build's PostgreSQL server, handing out a database per test. */
public final class TestPostgres {
    private final String baseUrl;
    private final String username;
    private final String password;

    private TestPostgres(String baseUrl, String username, String password) {
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
        this.username = requireNonNull(username, "username is null");
        this.password = requireNonNull(password, "password is null");
    }

    static TestPostgres local(PostgresServer server) {
        return new TestPostgres(server.jdbcUrl(""), server.user(), "");
    }

    static TestPostgres container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15");
        container.start();
        String url = container.getJdbcUrl();
        return new TestPostgres(url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(), container.getPassword());
    }

    /** Creates an empty database whose name starts with {@code prefix}. */
    public PostgresDatabase createDatabase(String prefix) {
        String name = UniqueNames.of(prefix);
        execute("CREATE DATABASE " + name);
        return new PostgresDatabase(this, name);
    }

    String jdbcUrl(String database) {
        return baseUrl + database;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
