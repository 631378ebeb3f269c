package io.atoll.devstack.server.postgres;

import io.atoll.devstack.process.Processes;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.ServerStartException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One private PostgreSQL of this machine: a data folder run by the binaries from Maven Central with {@code pg_ctl}.
 * What a plain server, a primary and its replica share.
 *
 * @param name the component's name, for errors
 * @param binaries the folder holding {@code bin/}
 * @param data the data folder
 * @param log where the server and its tools write
 */
record PostgresInstance(String name, Path binaries, Path data, Path log) {
    PostgresInstance {
        requireNonNull(name, "name is null");
        requireNonNull(binaries, "binaries is null");
        requireNonNull(data, "data is null");
        requireNonNull(log, "log is null");
    }

    /** The instance whose data, binaries and log live in {@code home}, unpacking the binaries there the first time. */
    static PostgresInstance in(String name, Path home) throws IOException {
        return new PostgresInstance(name, PostgresBinaries.unpack(home.resolve("binaries")), home.resolve("data"), home.resolve("postgres.log"));
    }

    /** The instance a state file's record names (see {@link #details()}). */
    static PostgresInstance recorded(String name, Map<String, String> details, Path log) {
        return new PostgresInstance(name, Path.of(details.get("binaries")), Path.of(details.get("data")), log);
    }

    /** What a state file records to find this instance again. */
    Map<String, String> details() {
        return Map.of("data", data.toString(), "binaries", binaries.toString());
    }

    boolean initialised() {
        return Files.exists(data.resolve("PG_VERSION"));
    }

    void initdb(String superuser) throws IOException {
        int exit = Processes.run(asUnprivileged(List.of(bin("initdb"), "-A", "trust", "-U", superuser, "-E", "UTF-8", "--no-locale",
                "-D", data.toString())), Map.of(), log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw new ServerStartException(name, "initdb failed with exit code " + exit, log);
        }
    }

    /**
     * Writes the server's {@code pg_hba.conf}: {@code rules} first (the first line that matches a login decides), then
     * trust for every login and replication connection from this machine, the only place it listens.
     */
    void writeLoginRules(List<String> rules) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Written by Atoll each time the server starts: changes made here are lost."));
        lines.addAll(rules);
        lines.addAll(List.of(
                "host all all 127.0.0.1/32 trust",
                "host all all ::1/128 trust",
                "host replication all 127.0.0.1/32 trust",
                "host replication all ::1/128 trust"));
        Files.write(data.resolve("pg_hba.conf"), lines);
    }

    /** Starts the server on {@code endpoint} and returns its postmaster once {@code pg_ctl} says it accepts connections. */
    ProcessHandle start(Endpoint endpoint, List<String> settings) throws IOException {
        StringBuilder options = new StringBuilder("-p " + endpoint.port() + " -F -c listen_addresses=" + endpoint.host()
                + " -c unix_socket_directories=''");
        settings.forEach(setting -> options.append(" -c ").append(setting));
        int exit = Processes.run(asUnprivileged(List.of(bin("pg_ctl"), "-D", data.toString(), "-l", log.toString(),
                "-o", options.toString(), "-w", "-t", "60", "start")), Map.of(), log, Duration.ofSeconds(90));
        if (exit != 0) {
            throw new ServerStartException(name, "did not start (pg_ctl exit code " + exit + ")", log);
        }
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new ServerStartException(name, "exited right after starting", log));
    }

    /** Stops the server quickly (open sessions are ended); false when {@code pg_ctl} could not. */
    boolean stop() throws IOException {
        return Processes.run(asUnprivileged(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop")),
                Map.of(), log, Duration.ofSeconds(45)) == 0;
    }

    private String bin(String program) {
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
