package io.atoll.devstack.server.postgres;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.StateFile;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.ServerStartException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A streaming hot-standby replica of a primary Atoll started: a copy of the primary's data folder taken with
 * PostgreSQL's low-level backup functions (the binaries on Maven Central have no {@code pg_basebackup}), kept up to
 * date by physical replication through a replication slot of its own, read-only, with login rules of its own (a
 * team the primary refuses logs in here). A primary made anew is copied again.
 */
public final class PostgresReplica implements Server {
    /** Not copied from the primary: its running state, its WAL (streamed instead) and its replication slots. */
    private static final Set<String> LEFT_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map");
    private static final String MADE_FROM = "primary-system-identifier";

    private final PostgresServer primary;
    private final Supplier<List<String>> loginRules;
    /** The replica's own address, asked as any PostgreSQL is. */
    private final PostgresServer self;

    /** @param loginRules {@code pg_hba.conf} lines put before those that trust every login from this machine */
    public PostgresReplica(String name, Endpoint endpoint, PostgresServer primary, String portSetting, Supplier<List<String>> loginRules) {
        this.primary = requireNonNull(primary, "primary is null");
        this.loginRules = requireNonNull(loginRules, "loginRules is null");
        this.self = new PostgresServer(name, endpoint, primary.user(), portSetting, loginRules);
    }

    /** Writes the login rules again and has the running replica reread them. */
    public void reloadLoginRules(OwnedProcess process) throws IOException {
        self.reloadLoginRules(process);
    }

    @Override
    public String name() {
        return self.name();
    }

    @Override
    public Endpoint endpoint() {
        return self.endpoint();
    }

    @Override
    public String portSetting() {
        return self.portSetting();
    }

    public PostgresServer primary() {
        return primary;
    }

    public String jdbcUrl(String database) {
        return self.jdbcUrl(database);
    }

    @Override
    public Answer probe() {
        return self.probe();
    }

    /** The replica's slot on the primary, which keeps the WAL it has not received yet. */
    String slot() {
        return name().replace('-', '_');
    }

    /** The lag the primary reports for this replica; empty while the replica does not stream from it. */
    public Optional<ReplicationLag> lag() throws SQLException {
        try (Connection connection = primary.connect("postgres");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, extract(epoch FROM replay_lag)::float8
                     FROM pg_stat_replication WHERE application_name = ? AND replay_lsn IS NOT NULL""")) {
            query.setString(1, name());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long bytes = Math.max(0, row.getLong(1));
                // The primary forgets the last lag some seconds after the replica has caught up.
                double seconds = row.getObject(2) == null ? 0 : row.getDouble(2);
                return Optional.of(new ReplicationLag(bytes, seconds));
            }
        }
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("primary", primary.endpoint().toString());
        try {
            Optional<ReplicationLag> lag = lag();
            details.put("streaming", lag.isPresent());
            lag.ifPresent(found -> {
                details.put("replicationLagBytes", found.bytes());
                details.put("replicationLagSeconds", found.seconds());
            });
        } catch (SQLException e) {
            details.put("streaming", false);
        }
        return details;
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        Files.createDirectories(home);
        PostgresInstance primaryInstance = primaryInstance(home.getParent(), home.resolve("postgres.log"));
        // The primary's binaries: a replica runs the same PostgreSQL, and they need not be unpacked twice.
        PostgresInstance instance = new PostgresInstance(name(), primaryInstance.binaries(), home.resolve("data"), home.resolve("postgres.log"));
        Path madeFrom = home.resolve(MADE_FROM);
        String primaryIdentity = query(primary, "SELECT system_identifier::text FROM pg_control_system()", instance.log());
        if (instance.initialised() && !(Files.exists(madeFrom) && Files.readString(madeFrom).strip().equals(primaryIdentity))) {
            progress.report(name(), "the primary was made anew since the last copy: copying it again");
            delete(instance.data());
        }
        if (!instance.initialised()) {
            progress.report(name(), "copying " + primary.name() + " (base backup)");
            copyPrimary(primaryInstance.data(), instance);
            Files.writeString(madeFrom, primaryIdentity + "\n");
        }
        instance.writeLoginRules(loginRules.get());
        Files.write(instance.data().resolve("postgresql.auto.conf"), List.of(
                "# Written by Atoll each time the replica starts: where it streams from.",
                "primary_conninfo = 'host=" + primary.endpoint().host() + " port=" + primary.endpoint().port() + " user=" + primary.user()
                        + " application_name=" + name() + "'",
                "primary_slot_name = '" + slot() + "'"));
        Files.writeString(instance.data().resolve("standby.signal"), "");
        progress.report(name(), "starting on " + endpoint() + ", streaming from " + primary.endpoint());
        ProcessHandle postmaster = instance.start(endpoint(), List.of("hot_standby=on"));
        Readiness.await(self, Duration.ofSeconds(60), instance.log(), postmaster::isAlive);
        return OwnedProcess.of(name(), postmaster, instance.log(), instance.details());
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        if (!PostgresInstance.recorded(name(), process.details(), process.log()).stop()) {
            process.live().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The primary's files, from the record of the platform that started it. */
    private PostgresInstance primaryInstance(Path stateDir, Path log) throws IOException {
        OwnedProcess recorded = new StateFile(stateDir).find(primary.name()).orElseThrow(() -> new ServerStartException(name(),
                "is made from a copy of the primary's files, and no " + primary.name() + " started by Atoll runs at " + primary.endpoint(), log));
        return PostgresInstance.recorded(primary.name(), recorded.details(), recorded.log());
    }

    /**
     * PostgreSQL's non-exclusive low-level backup: a slot keeps the WAL from before the backup's start, the files are
     * copied while the primary runs, and the backup label the stop hands back tells the replica where to begin.
     */
    private void copyPrimary(Path primaryData, PostgresInstance replica) throws IOException {
        try (Connection connection = primary.connect("postgres")) {
            boolean renamed = connection.getMetaData().getDatabaseMajorVersion() >= 15;
            try (PreparedStatement drop = connection.prepareStatement(
                    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
                drop.setString(1, slot());
                drop.execute();
            }
            try (PreparedStatement create = connection.prepareStatement("SELECT pg_create_physical_replication_slot(?, true)")) {
                create.setString(1, slot());
                create.execute();
            }
            try (PreparedStatement begin = connection.prepareStatement(renamed ? "SELECT pg_backup_start(?, true)"
                    : "SELECT pg_start_backup(?, true, false)")) {
                begin.setString(1, "atoll " + name());
                begin.execute();
            }
            try {
                copy(primaryData, replica.data());
                try (ResultSet end = connection.createStatement().executeQuery(renamed ? "SELECT labelfile, spcmapfile FROM pg_backup_stop(true)"
                        : "SELECT labelfile, spcmapfile FROM pg_stop_backup(false, true)")) {
                    end.next();
                    Files.writeString(replica.data().resolve("backup_label"), end.getString(1));
                    String tablespaces = end.getString(2);
                    if (tablespaces != null && !tablespaces.isEmpty()) {
                        Files.writeString(replica.data().resolve("tablespace_map"), tablespaces);
                    }
                }
            } catch (IOException | SQLException | RuntimeException e) {
                // A half copy must not pass for a replica the next time.
                delete(replica.data());
                throw e;
            }
        } catch (SQLException e) {
            throw new ServerStartException(name(), "could not copy " + primary.name() + ": " + e.getMessage(), replica.log());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path relative = from.relativize(directory);
                Files.createDirectories(to.resolve(relative), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                if (relative.getNameCount() == 1 && LEFT_EMPTY.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(to.resolve(relative).resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = from.relativize(file);
                if (relative.getNameCount() == 1 && NOT_COPIED.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(relative), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException gone) {
                    // Removed by the running primary while we copied (a temporary file): the WAL replays what matters.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException problem) throws IOException {
                if (problem instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw problem;
            }
        });
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private String query(PostgresServer server, String sql, Path log) throws IOException {
        try (Connection connection = server.connect("postgres"); ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new ServerStartException(name(), "could not ask " + server.name() + " at " + server.endpoint() + ": " + e.getMessage(), log);
        }
    }
}
