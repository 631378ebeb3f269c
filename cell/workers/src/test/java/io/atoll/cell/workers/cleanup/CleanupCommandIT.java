package io.atoll.cell.workers.cleanup;

import io.atoll.cell.workers.cleanup.support.AppKeyspace;
import io.atoll.cell.workers.cleanup.support.ArchiveSetup;
import io.atoll.cell.workers.cleanup.support.CheckinSamples;
import io.atoll.cell.workers.store.CassandraSettings;
import io.atoll.cell.workers.store.ObjectStoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded JAR's {@code cleanup} command as a Kubernetes CronJob runs it: a process of its own, configured through
 * the environment, reporting through its standard output and exit status.
 */
class CleanupCommandIT {
    private static final Path JAR = Path.of("target", "atoll-workers.jar");
    private static final Path OUTPUT = Path.of("target", "cleanup-command-it");
    private static final String CELL = "eu-west-1";

    private final CheckinSamples samples = new CheckinSamples(99);
    private ArchiveSetup setup;
    private LocalDate oldDay;
    private List<ArchivedCheckin> recent;

    /** One keyspace for the class, emptied before each test: migrating a new one for each would take most of the time. */
    private static AppKeyspace keyspace;

    @BeforeAll
    static void migrate() {
        keyspace = AppKeyspace.create("workers_command");
    }

    @AfterAll
    static void dropKeyspace() {
        keyspace.close();
    }

    @BeforeEach
    void create() {
        setup = ArchiveSetup.on(keyspace, "workers_command");
        oldDay = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        setup.app().insert(samples.day(oldDay, 6, 4));
        recent = samples.day(LocalDate.now(ZoneOffset.UTC).minusDays(2), 4, 2);
        setup.app().insert(recent);
    }

    @AfterEach
    void drop() {
        setup.close();
    }

    @Test
    void archiveOnlyPrintsItsProgressAndSummaryAndExitsZero() throws Exception {
        Run run = cleanup("archive", Map.of(), "--archive-only", "--older-than", "30d");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String location = "s3://" + setup.bucket() + "/" + CheckinArchive.objectKey(CELL, oldDay);
        assertThat(run.stdout()).containsSubsequence(
                "archive " + oldDay + ": 6 partitions in Cassandra",
                "archive " + oldDay + ": 24 check-ins read",
                "archive " + oldDay + ": wrote " + location + " with 24 check-ins",
                "archive " + oldDay + ": verified, the file reads back with 24 check-ins",
                "archive " + oldDay + ": deleted 6 partitions from Cassandra",
                "cleanup done in ");
        assertThat(run.stdout()).contains("1 day, 24 check-ins archived, 1 file written").doesNotContain("purge").doesNotContain("{\"");
        assertThat(setup.keys()).containsExactly(CheckinArchive.objectKey(CELL, oldDay));
        assertThat(setup.app().checkins()).containsExactlyInAnyOrderElementsOf(recent);
    }

    @Test
    void aPurgeThatCannotReachStorageFailsWithOneLineAfterTheArchiveHasRun() throws Exception {
        Run run = cleanup("unreachable-storage", Map.of("ATOLL_WORKERS_STORAGE_URL", "http://127.0.0.1:9", "ATOLL_WORKERS_STORAGE_TOKEN_URL",
                "http://127.0.0.1:9/oauth/token"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("archive " + oldDay + ": deleted 6 partitions from Cassandra").doesNotContain("cleanup done");
        assertThat(lastLine(run.stderr())).startsWith("cleanup failed: ");
        assertThat(run.stderr()).doesNotContain("\tat ");
        assertThat(setup.app().checkins()).containsExactlyInAnyOrderElementsOf(recent);
    }

    @Test
    void unreachableCassandraIsOneLineAndExitStatusOne() throws Exception {
        Run run = cleanup("unreachable-cassandra", Map.of("ATOLL_WORKERS_CASSANDRA_CONTACT_POINTS", "127.0.0.1:9"), "--archive-only");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(lastLine(run.stderr())).startsWith("cleanup failed: ").contains("127.0.0.1:9");
        assertThat(run.stderr()).doesNotContain("\tat ");
    }

    @Test
    void wrongArgumentsAreOneLineWithTheUsage() throws Exception {
        Run run = cleanup("usage", Map.of(), "--purge-only", "--archive-only");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().strip()).isEqualTo("cleanup: --purge-only and --archive-only exclude each other (usage: " + CleanupOptions.USAGE + ")");
    }

    private Run cleanup(String name, Map<String, String> overrides, String... args) throws IOException, InterruptedException {
        Files.createDirectories(OUTPUT);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                JAR.toString(), "cleanup"));
        command.addAll(List.of(args));
        Path stdout = OUTPUT.resolve(name + ".out");
        Path stderr = OUTPUT.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment());
        builder.environment().putAll(overrides);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the cleanup command did not end within 3 minutes; see " + stdout + " and " + stderr);
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private Map<String, String> environment() {
        CassandraSettings cassandra = setup.app().settings();
        ObjectStoreSettings objectStore = setup.objectStore();
        Map<String, String> environment = new HashMap<>();
        environment.put("ATOLL_CELL_ID", CELL);
        environment.put("ATOLL_WORKERS_CASSANDRA_CONTACT_POINTS", String.join(",", cassandra.contactPoints()));
        environment.put("ATOLL_WORKERS_CASSANDRA_LOCAL_DATACENTER", cassandra.localDatacenter());
        environment.put("ATOLL_WORKERS_CASSANDRA_KEYSPACE", cassandra.keyspace());
        environment.put("ATOLL_WORKERS_S3_ENDPOINT", objectStore.endpoint());
        environment.put("ATOLL_WORKERS_S3_REGION", objectStore.region());
        environment.put("ATOLL_WORKERS_S3_ACCESS_KEY", objectStore.accessKey());
        environment.put("ATOLL_WORKERS_S3_SECRET_KEY", objectStore.secretKey());
        environment.put("ATOLL_WORKERS_CLEANUP_LANDING_BUCKET", setup.bucket());
        return environment;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
