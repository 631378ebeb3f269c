package io.atoll.testing;

import io.atoll.devstack.server.trino.TrinoCatalog;
import io.atoll.devstack.server.trino.TrinoServer;

import java.io.IOException;
import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/**
 * The build's Trino, handing out a PostgreSQL catalog per test database. Its access rules and logins are one set for
 * the whole server: a test that sets them owns them until it sets them again.
 */
public final class TestTrino {
    private final TrinoServer server;

    private TestTrino(TrinoServer server) {
        this.server = requireNonNull(server, "server is null");
    }

    static TestTrino local(TrinoServer server) {
        return new TestTrino(server);
    }

    /**
     * trino-jdbc's URL (HTTPS, trusting the server's own certificate) with {@code catalog} as the connection's catalog,
     * so that statements name schema.relation as in PostgreSQL.
     */
    public String jdbcUrl(String catalog) {
        String url = server.jdbcUrl();
        int query = url.indexOf('?');
        return url.substring(0, query) + "/" + catalog + url.substring(query);
    }

    /** Adds a catalog (its name starts with {@code prefix}) reading {@code database} as its owner; closing it drops it. */
    public TrinoTestCatalog createCatalog(String prefix, PostgresDatabase database) {
        String name = UniqueNames.of(prefix);
        try {
            server.createCatalog(new TrinoCatalog(name, database.jdbcUrl(), database.username(), database.password()));
        } catch (IOException e) {
            throw new UncheckedIOException("Trino could not add catalog " + name, e);
        }
        return new TrinoTestCatalog(this, name);
    }

    void dropCatalog(String name) {
        try {
            server.dropCatalog(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Trino could not drop catalog " + name, e);
        }
    }

    /** Replaces the server's access rules (as {@code TrinoRulesCompiler} makes them); Trino applies them within a second. */
    public void writeRules(String rules) {
        try {
            server.writeRules(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("the rules could not be written", e);
        }
    }

    /** Lets {@code login} in with {@code password} as a member of {@code team}'s group. */
    public void grant(String login, String password, String team) {
        try {
            server.logins().grant(login, password, team);
        } catch (IOException e) {
            throw new UncheckedIOException("could not grant " + login, e);
        }
    }

    public void revoke(String login) {
        try {
            server.logins().revoke(login);
        } catch (IOException e) {
            throw new UncheckedIOException("could not revoke " + login, e);
        }
    }
}
