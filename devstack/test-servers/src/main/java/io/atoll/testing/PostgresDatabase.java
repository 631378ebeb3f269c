package io.atoll.testing;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A database of its own for one test; closing it drops it. */
public final class PostgresDatabase implements TestDatabase {
    private final TestPostgres server;
    private final String name;

    PostgresDatabase(TestPostgres server, String name) {
        this.server = requireNonNull(server, "server is null");
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public String username() {
        return server.username();
    }

    @Override
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
