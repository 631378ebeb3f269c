package io.atoll.testing;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A database of its own for one test; closing it drops it. */
public final class PostgresDatabase implements AutoCloseable {
    private final TestPostgres server;
    private final String name;

    PostgresDatabase(TestPostgres server, String name) {
        this.server = requireNonNull(server, "server is null");
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    /** Micronaut's settings for a data source named {@code dataSource} on this database. */
    public Map<String, String> micronautProperties(String dataSource) {
        String prefix = "datasources." + dataSource + ".";
        return Map.of(prefix + "url", jdbcUrl(),
                prefix + "username", username(),
                prefix + "password", password(),
                prefix + "driver-class-name", "org.postgresql.Driver");
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
