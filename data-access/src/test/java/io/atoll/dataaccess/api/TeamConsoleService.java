package io.atoll.dataaccess.api;

import io.atoll.dataaccess.DataAccessApplication;
import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.RepositoryScopes;
import io.atoll.testing.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The data-access service on free ports, its one cell the test's core database, its audit out of the way (an hour
 * apart), for the console's tests; and what the test reads of the database as its owner.
 */
final class TeamConsoleService implements AutoCloseable {
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final PostgresDatabase database;

    private TeamConsoleService(ApplicationContext context, PostgresDatabase database) {
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class).start();
        this.database = database;
    }

    static TeamConsoleService start(PostgresDatabase database) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", freePort());
        properties.put("endpoints.all.port", freePort());
        properties.put("atoll.data-access.audit.interval", "1h");
        properties.put("atoll.data-access.audit.scopes", RepositoryScopes.directory().toString());
        properties.put("atoll.data-access.cells." + CoreDatabaseFixture.CELL + ".url", database.jdbcUrl());
        properties.put("atoll.data-access.cells." + CoreDatabaseFixture.CELL + ".username", database.username());
        properties.put("atoll.data-access.cells." + CoreDatabaseFixture.CELL + ".password", database.password());
        return new TeamConsoleService(DataAccessApplication.configure(ApplicationContext.builder()).properties(properties).start(), database);
    }

    /** The console's address, {@code http://127.0.0.1:<port>/console}. */
    String consoleUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/console";
    }

    /** The first column of the first row of a query run as the database's owner, as text; null where there is none. */
    String ownerText(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /**
     * Whether the server checks people's passwords: the machine's server may still trust every local login, and then
     * no wrong password can be refused.
     */
    boolean serverChecksPasswords(String login) {
        try (Connection ignored = DriverManager.getConnection(database.jdbcUrl(), login, "not-the-password")) {
            return false;
        } catch (SQLException refused) {
            return true;
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
