package io.atoll.devstack.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code ./atoll} command as a user runs it, against real servers: a platform of its own on ports
 * where nothing runs (so it starts PostgreSQL, RabbitMQ, S3Proxy, Cassandra and Trino itself), and a second one that
 * finds them running and uses them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AtollCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("atoll.root", "../..")).toAbsolutePath().normalize();
    private static final int POSTGRES = 15433;
    private static final int RABBITMQ = 15673;
    private static final int CASSANDRA = 19142;
    private static final int S3 = 18433;
    private static final int CORE_PRIMARY = 15452;
    private static final int CORE_REPLICA = 15453;
    private static final int TRINO = 18790;
    private static final int TRINO_HTTPS = 18743;
    private static final List<String> OWN_PORTS = List.of("--postgres-port", "" + POSTGRES, "--postgres-primary-port", "" + CORE_PRIMARY,
            "--postgres-replica-port", "" + CORE_REPLICA, "--trino-port", "" + TRINO, "--trino-https-port", "" + TRINO_HTTPS,
            "--rabbitmq-port", "" + RABBITMQ,
            "--s3-port", "" + S3, "--cassandra-port", "" + CASSANDRA, "--cassandra-storage-port", "17142", "--cassandra-heap", "512m",
            "--regions", "eu-west-1", "--servers-only");

    private Path own;
    private Path borrowing;
    private final Map<String, Long> ownPids = new HashMap<>();

    @BeforeAll
    void stateFolders() throws IOException {
        own = Files.createTempDirectory("atoll-own");
        borrowing = Files.createTempDirectory("atoll-borrowing");
    }

    @AfterAll
    void stopEverything() throws Exception {
        atoll(borrowing, List.of("down"));
        atoll(own, List.of("down"));
    }

    @Test
    @Order(1)
    void upStartsTheServersThatDoNotAnswerAndWaitsUntilTheyServe() throws Exception {
        Result up = atoll(own, with(List.of("up"), OWN_PORTS));

        assertThat(up.exit()).as(up.toString()).isZero();
        assertThat(up.out()).contains("[postgres] ready on 127.0.0.1:" + POSTGRES)
                .contains("[rabbitmq] ready on 127.0.0.1:" + RABBITMQ)
                .contains("[s3] ready on 127.0.0.1:" + S3)
                .contains("[cassandra-eu-west-1] ready on 127.0.0.1:" + CASSANDRA)
                .contains("[postgres-primary] ready on 127.0.0.1:" + CORE_PRIMARY)
                .contains("[postgres-replica] ready on 127.0.0.1:" + CORE_REPLICA)
                .contains("[trino] ready on 127.0.0.1:" + TRINO)
                .containsPattern("s3\\s+ready\\s+http://127.0.0.1:" + S3 + "\\s+S3 API")
                .contains("ready in");
        try (CqlSession session = CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", CASSANDRA))
                .withLocalDatacenter("eu-west-1").build()) {
            assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).startsWith("5.0");
        }
    }

    @Test
    @Order(2)
    void statusListsEachComponentAsJsonWithItsPidAndLog() throws Exception {
        JsonNode status = status(own);

        assertThat(status.get("components")).extracting(component -> component.get("name").asText())
                .containsExactly("postgres", "postgres-primary", "rabbitmq", "s3", "cassandra-eu-west-1", "postgres-replica", "trino");
        assertThat(status.get("components").get(5).get("details").get("streaming").asBoolean()).as("the replica streams from the primary").isTrue();
        for (JsonNode component : status.get("components")) {
            assertThat(component.get("state").asText()).as(component.toString()).isEqualTo("ready");
            assertThat(component.get("owned").asBoolean()).isTrue();
            assertThat(Path.of(component.get("log").asText())).exists();
            long pid = component.get("pid").asLong();
            assertThat(ProcessHandle.of(pid)).isPresent();
            ownPids.put(component.get("name").asText(), pid);
        }
    }

    @Test
    @Order(3)
    void upTwiceIsHarmless() throws Exception {
        Result again = atoll(own, with(List.of("up"), OWN_PORTS));

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).contains("already running");
        JsonNode status = status(own);
        for (JsonNode component : status.get("components")) {
            assertThat(component.get("pid").asLong()).isEqualTo(ownPids.get(component.get("name").asText()));
        }
    }

    /**
     * A person of a data team, granted by the CLI, opens sessions with the standard clients: psql on the cell's core
     * primary and the Trino CLI over HTTPS with the password the grant made; each refuses what the scope does not
     * give. The core database is made as `up` leaves it once storage has migrated it: storage's migrations, the scopes.
     */
    @Test
    @Order(4)
    void aDataTeamsPersonIsGrantedAndOpensSessionsWithPsqlAndTheTrinoCli() throws Exception {
        String database = "core_eu_west_1";
        String url = "jdbc:postgresql://127.0.0.1:" + CORE_PRIMARY + "/" + database;
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + CORE_PRIMARY + "/postgres", "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        Flyway.configure().dataSource(url, "postgres", "").locations("filesystem:" + ROOT.resolve("cell/storage/src/main/resources/db/migration"))
                .placeholders(Map.of("serviceRole", "storage_service")).load().migrate();
        new RepositoryTeamScopes(ROOT.resolve("data-access/scopes")).apply(url, "postgres", "", "eu-west-1");

        Result grant = atoll(own, List.of("data", "grant", "--team", "logistics", "--user", "ana", "--region", "eu-west-1", "--cell", "eu-west-1"));
        assertThat(grant.exit()).as(grant.toString()).isZero();
        assertThat(grant.out()).contains("ana: a login of logistics (region eu-west-1) in core_eu_west_1").containsPattern("password: \\S{24}");

        Result psql = atoll(own, List.of("sql", "--team", "logistics", "--user", "ana", "-c", "SELECT count(*) AS open_orders FROM order_details"));
        assertThat(psql.exit()).as(psql.toString()).isZero();
        assertThat(psql.out()).contains("open_orders").contains("(1 row)");
        Result refusedByPostgres = atoll(own, List.of("sql", "--team", "logistics", "--user", "ana", "-c", "SELECT email FROM public.members"));
        assertThat(refusedByPostgres.exit()).isNotZero();
        assertThat(refusedByPostgres.err()).contains("permission denied");

        Result trino = atoll(own, List.of("sql", "--team", "logistics", "--user", "ana", "--trino", "-c",
                "SELECT count(*) FROM order_details"));
        assertThat(trino.exit()).as(trino.toString()).isZero();
        assertThat(trino.out().strip()).isEqualTo("\"0\"");
        Result refusedByTrino = atoll(own, List.of("sql", "--team", "logistics", "--user", "ana", "--trino", "-c",
                "SELECT count(*) FROM analytics.members"));
        assertThat(refusedByTrino.exit()).isNotZero();
        assertThat(refusedByTrino.err()).contains("Access Denied");

        Result revoke = atoll(own, List.of("data", "revoke", "--team", "logistics", "--user", "ana", "--cell", "eu-west-1"));
        assertThat(revoke.exit()).as(revoke.toString()).isZero();
        Result afterwards = atoll(own, List.of("sql", "--team", "logistics", "--user", "ana", "-c", "SELECT 1"));
        assertThat(afterwards.exit()).isEqualTo(1);
        assertThat(afterwards.err().strip()).isEqualTo("atoll: no password of ana is kept here: grant the login with `atoll data grant`");
        Result unknownTeam = atoll(own, List.of("data", "grant", "--team", "marketing", "--user", "bo", "--cell", "eu-west-1"));
        assertThat(unknownTeam.exit()).isEqualTo(1);
        assertThat(unknownTeam.err().strip()).isEqualTo("atoll: no team 'marketing'; the teams are analytics, logistics, sales");
    }

    /**
     * Trino is the one server a platform never borrows: people's logins and the access rules are files in its home, in the
     * state folder of the platform that started it. The second platform starts its own, on ports of its own.
     */
    @Test
    @Order(5)
    void aSecondPlatformUsesTheRunningServersAndItsDownStopsNothingItDidNotStart() throws Exception {
        List<String> ports = List.of("--postgres-port", "" + POSTGRES, "--postgres-primary-port", "" + CORE_PRIMARY, "--postgres-replica-port",
                "" + CORE_REPLICA, "--trino-port", "" + (TRINO + 1), "--trino-https-port", "" + (TRINO_HTTPS + 1), "--rabbitmq-port", "" + RABBITMQ,
                "--s3-port", "" + S3, "--cassandra-port", "" + CASSANDRA, "--regions", "eu-west-1",
                "--servers-only");

        Result up = atoll(borrowing, with(List.of("up"), ports));
        assertThat(up.exit()).as(up.toString()).isZero();
        assertThat(up.out()).contains("using the server already running").contains("[trino] ready on 127.0.0.1:" + (TRINO + 1))
                .doesNotContainPattern("\\[(?!trino)[a-z0-9-]+\\] ready on");
        for (JsonNode component : status(borrowing).get("components")) {
            assertThat(component.get("owned").asBoolean()).as(component.toString()).isEqualTo(component.get("name").asText().equals("trino"));
            assertThat(component.get("state").asText()).isEqualTo("ready");
        }

        assertThat(atoll(borrowing, List.of("down")).exit()).as("down takes its settings from the state folder").isZero();
        assertThat(listening(TRINO + 1)).as("the second platform's own Trino stopped").isFalse();
        ownPids.values().forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true));
    }

    @Test
    @Order(6)
    void aCrashedComponentIsReportedWithItsLogAndUpStartsItAgain() throws Exception {
        ProcessHandle postgres = ProcessHandle.of(ownPids.get("postgres")).orElseThrow();
        postgres.destroyForcibly();
        postgres.onExit().get(30, TimeUnit.SECONDS);

        Result status = atoll(own, List.of("status"));
        assertThat(status.out()).containsPattern("postgres\\s+127.0.0.1:" + POSTGRES + "\\s+crashed\\s+yes\\s+\\d+\\s+\\S*postgres.log");
        assertThat(status.exit()).isEqualTo(StatusCommand.NOT_READY);
        assertThat(status.err().strip()).startsWith("atoll: not ready: postgres (crashed, log: ").doesNotContain("rabbitmq", "cassandra");

        Result up = atoll(own, with(List.of("up"), OWN_PORTS));
        assertThat(up.exit()).as(up.toString()).isZero();
        assertThat(up.out()).contains("has exited").contains("[postgres] ready on");
    }

    @Test
    @Order(7)
    void aPortHeldBySomethingElseIsAOneLineErrorNamingTheSetting() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> acceptSilently(silent));
            acceptor.setDaemon(true);
            acceptor.start();
            List<String> ports = List.of("--postgres-port", "" + silent.getLocalPort(), "--postgres-primary-port", "" + CORE_PRIMARY,
                    "--postgres-replica-port", "" + CORE_REPLICA, "--trino-port", "" + TRINO, "--trino-https-port", "" + TRINO_HTTPS,
                    "--rabbitmq-port", "" + RABBITMQ, "--s3-port", "" + S3, "--cassandra-port",
                    "" + CASSANDRA, "--regions", "eu-west-1", "--servers-only");

            Result up = atoll(borrowing, with(List.of("up"), ports));

            assertThat(up.exit()).isEqualTo(1);
            assertThat(up.err().strip()).doesNotContain("\n")
                    .contains("port " + silent.getLocalPort() + " is taken").contains("--postgres-port");
        }
    }

    @Test
    @Order(8)
    void downStopsEveryProcessItStartedAndFreesTheirPorts() throws Exception {
        Result down = atoll(own, List.of("down"));

        assertThat(down.exit()).as(down.toString()).isZero();
        assertThat(status(own).get("components").toString()).doesNotContain("\"owned\":true");
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(own.toString())).toList()).isEmpty();
        for (int port : List.of(POSTGRES, CORE_PRIMARY, CORE_REPLICA, TRINO, TRINO_HTTPS, RABBITMQ, S3, CASSANDRA)) {
            assertThat(listening(port)).as("port %d", port).isFalse();
        }
        assertThat(atoll(own, List.of("down")).exit()).as("down twice").isZero();
    }

    @Test
    @Order(9)
    void statusOfAPlatformWhereNothingAnswersNamesEveryComponentQuickly() throws Exception {
        Path nothing = Files.createTempDirectory("atoll-nothing");
        try (ServerSocket hanging = new ServerSocket(0)) {
            // A port that accepts and never answers: the probe that waits longest.
            Files.write(nothing.resolve(PlatformOptions.RECORD_FILE), List.of("--postgres-port=" + hanging.getLocalPort(),
                    "--rabbitmq-port=" + RABBITMQ, "--s3-port=" + S3, "--cassandra-port=" + CASSANDRA, "--cell-base-port=28910",
                    "--router-port=28980", "--router-admin-port=28981"));
            long started = System.nanoTime();

            Result status = atoll(nothing, List.of("status"));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("status with nothing answering took %d ms (the launcher and the JVM included)%n", took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(status.exit()).as(status.toString()).isEqualTo(StatusCommand.NOT_READY);
            assertThat(status.err().strip()).doesNotContain("\n").startsWith("atoll: not ready: ")
                    .contains("postgres (", "rabbitmq (down)", "cassandra-us-east-1 (down)", "eu-west-1/app (down)", "us-east-1/workers (down)",
                            "router (down)");
        }
    }

    @Test
    @Order(10)
    void statusWatchRefreshesUntilStopped() throws Exception {
        Path out = Files.createTempFile("atoll-watch", ".txt");
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("atoll").toString(), "status", "--watch").directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ATOLL_STATE_DIR", own.toString());
        Process watch = builder.start();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Files.readString(out).split("atoll status, every 2 s until Ctrl-C", -1)).hasSizeGreaterThan(3));
            assertThat(watch.isAlive()).isTrue();
        } finally {
            watch.destroy();
            watch.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void badInputIsOneLineAndANonZeroExit() throws Exception {
        Result unknown = atoll(own, List.of("frobnicate"));
        Result badPort = atoll(own, List.of("status", "--postgres-port", "70000"));
        Result noJava = run(List.of("/bin/bash", ROOT.resolve("atoll").toString(), "status"), Map.of("PATH", "/nonexistent"), true);

        for (Result result : List.of(unknown, badPort, noJava)) {
            assertThat(result.exit()).as(result.toString()).isNotZero();
            assertThat(result.err().strip()).as(result.toString()).isNotEmpty().doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(badPort.err()).contains("70000");
        assertThat(noJava.err()).contains("java");
    }

    private static void acceptSilently(ServerSocket socket) {
        try {
            while (!socket.isClosed()) {
                Socket ignored = socket.accept();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode status(Path stateDir) throws Exception {
        Result status = atoll(stateDir, List.of("status", "--json"));
        assertThat(status.exit()).as(status.toString()).isIn(0, StatusCommand.NOT_READY);
        return JSON.readTree(status.out());
    }

    private static List<String> with(List<String> command, List<String> options) {
        List<String> all = new ArrayList<>(command);
        all.addAll(options);
        return all;
    }

    private static Result atoll(Path stateDir, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("atoll").toString()));
        command.addAll(arguments);
        return run(command, Map.of("ATOLL_STATE_DIR", stateDir.toString()), false);
    }

    private static Result run(List<String> command, Map<String, String> environment, boolean cleanEnvironment) throws Exception {
        Path out = Files.createTempFile("atoll-out", ".txt");
        Path err = Files.createTempFile("atoll-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (cleanEnvironment) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {
    }
}
