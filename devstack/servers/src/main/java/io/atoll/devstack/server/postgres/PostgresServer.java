package io.atoll.devstack.server.postgres;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * PostgreSQL: a running server where one answers, otherwise a private one from the binaries on
 * Maven Central, with its data in the platform's state folder.
 */
public final class PostgresServer implements Server {
    public static final String NAME = "postgres";
    /** PostgreSQL's SSLRequest code: every PostgreSQL answers it with one byte, 'S' or 'N'. */
    private static final int SSL_REQUEST_CODE = 80877103;
    /** SQLSTATE cannot_connect_now: the server is starting, recovering or shutting down. */
    private static final String CANNOT_CONNECT_NOW = "57P03";

    private final String name;
    private final Endpoint endpoint;
    private final String user;
    private final String portSetting;
    private final Supplier<List<String>> loginRules;

    public PostgresServer(Endpoint endpoint, String user) {
        this(NAME, endpoint, user, "--postgres-port / ATOLL_POSTGRES_PORT", List::of);
    }

    /**
     * @param loginRules {@code pg_hba.conf} lines (refusals, password checks) put before the lines that let everyone on
     *                   this machine in, in a server Atoll starts (one already running is used with its own rules); asked
     *                   for only when it starts, so that a status or a stop never reads where they come from
     */
    public PostgresServer(String name, Endpoint endpoint, String user, String portSetting, Supplier<List<String>> loginRules) {
        this.name = requireNonNull(name, "name is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.user = requireNonNull(user, "user is null");
        this.portSetting = requireNonNull(portSetting, "portSetting is null");
        this.loginRules = requireNonNull(loginRules, "loginRules is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String portSetting() {
        return portSetting;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + database;
    }

    public String user() {
        return user;
    }

    /** Creates the database unless it exists: each service owns a database of its own on the shared server. */
    public void ensureDatabase(String database) throws IOException {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("'" + database + "' is not a plain lower-case database name");
        }
        try (Connection connection = connect("postgres");
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + database + " on " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Answer probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 500);
            socket.setSoTimeout(1000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8);
            out.writeInt(SSL_REQUEST_CODE);
            out.flush();
            int reply = new DataInputStream(socket.getInputStream()).read();
            if (reply != 'S' && reply != 'N') {
                return Answer.FOREIGN;
            }
        } catch (IOException e) {
            return Readiness.classify(e);
        }
        return query();
    }

    /** A session of the server's superuser on {@code database}, given up after 2 s without an answer. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private Answer query() {
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Answer.READY;
        } catch (SQLException e) {
            return CANNOT_CONNECT_NOW.equals(e.getSQLState()) ? Answer.STARTING : Answer.FOREIGN;
        }
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        progress.report(name, "unpacking PostgreSQL binaries");
        PostgresInstance instance = PostgresInstance.in(name, home);
        if (!instance.initialised()) {
            progress.report(name, "initialising " + instance.data());
            instance.initdb(user);
        }
        instance.writeLoginRules(loginRules.get());
        progress.report(name, "starting on " + endpoint);
        ProcessHandle postmaster = instance.start(endpoint, List.of());
        Readiness.await(this, Duration.ofSeconds(30), instance.log());
        return OwnedProcess.of(name, postmaster, instance.log(), instance.details());
    }

    /** Rewrites the login rules of the server Atoll started as {@code process} and has it read them again, without a restart. */
    public void reloadLoginRules(OwnedProcess process) throws IOException {
        PostgresInstance.recorded(name, process.details(), process.log()).writeLoginRules(loginRules.get());
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException(name + " at " + endpoint + " did not reload its login rules: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        if (!PostgresInstance.recorded(name, process.details(), process.log()).stop()) {
            process.live().ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
