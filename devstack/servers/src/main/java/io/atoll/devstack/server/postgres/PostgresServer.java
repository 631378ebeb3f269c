package io.atoll.devstack.server.postgres;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.Processes;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.ServerStartException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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

    private final Endpoint endpoint;
    private final String user;

    public PostgresServer(Endpoint endpoint, String user) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.user = requireNonNull(user, "user is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String portSetting() {
        return "--postgres-port / ATOLL_POSTGRES_PORT";
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
        Properties properties = new Properties();
        properties.setProperty("user", user);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), properties);
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

    private Answer query() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), properties);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Answer.READY;
        } catch (SQLException e) {
            return CANNOT_CONNECT_NOW.equals(e.getSQLState()) ? Answer.STARTING : Answer.FOREIGN;
        }
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        Path log = home.resolve("postgres.log");
        Path data = home.resolve("data");
        progress.report(NAME, "unpacking PostgreSQL binaries");
        Path binaries = PostgresBinaries.unpack(home.resolve("binaries"));
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            progress.report(NAME, "initialising " + data);
            int exit = Processes.run(asUnprivileged(List.of(bin(binaries, "initdb"), "-A", "trust", "-U", user,
                    "-E", "UTF-8", "--no-locale", "-D", data.toString())), Map.of(), log, Duration.ofMinutes(2));
            if (exit != 0) {
                throw new ServerStartException(NAME, "initdb failed with exit code " + exit, log);
            }
        }
        progress.report(NAME, "starting on " + endpoint);
        String options = "-p " + endpoint.port() + " -F -c listen_addresses=" + endpoint.host()
                + " -c unix_socket_directories=''";
        int exit = Processes.run(asUnprivileged(List.of(bin(binaries, "pg_ctl"), "-D", data.toString(), "-l", log.toString(),
                "-o", options, "-w", "-t", "60", "start")), Map.of(), log, Duration.ofSeconds(90));
        if (exit != 0) {
            throw new ServerStartException(NAME, "did not start (pg_ctl exit code " + exit + ")", log);
        }
        Readiness.await(this, Duration.ofSeconds(30), log);
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new ServerStartException(NAME, "exited right after starting", log));
        return OwnedProcess.of(NAME, postmaster, log, Map.of("data", data.toString(), "binaries", binaries.toString()));
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        Path binaries = Path.of(process.detail("binaries"));
        int exit = Processes.run(asUnprivileged(List.of(bin(binaries, "pg_ctl"), "-D", process.detail("data"),
                "-m", "fast", "-w", "-t", "30", "stop")), Map.of(), process.log(), Duration.ofSeconds(45));
        if (exit != 0) {
            process.live().ifPresent(handle -> handle.destroyForcibly());
        }
    }

    private static String bin(Path binaries, String program) {
        return binaries.resolve("bin").resolve(program).toString();
    }

    /**
     * PostgreSQL refuses to run as root. As root, run it in a user namespace of its own, where it is
     * not root, while the files it writes still belong to the invoking user.
     */
    private static List<String> asUnprivileged(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }
}
