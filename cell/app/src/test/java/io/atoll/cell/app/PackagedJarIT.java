package io.atoll.cell.app;

import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.TestServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runnable JAR as the platform starts it: a process of its own, configured through the environment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "atoll-app.jar");
    private static final Path LOGS = Path.of("target", "packaged-jar-it");

    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_jar");

    @AfterAll
    void dropKeyspace() {
        keyspace.close();
    }

    @Test
    void anAcknowledgedCheckinSurvivesTheProcessBeingKilledHard() throws Exception {
        assertThat(JAR).as("the packaged JAR (failsafe runs after package)").exists();
        int port = freePort();
        int managementPort = freePort();
        String member = "member-" + UUID.randomUUID();
        Map<String, Object> checkin = Checkins.body(UUID.randomUUID(), 2);
        String checkinId = (String) checkin.get("checkinId");
        String device;
        String receivedAt;

        Process first = start(port, managementPort, "first.log");
        try (HttpClient client = HttpClient.create(url(port)); HttpClient management = HttpClient.create(url(managementPort))) {
            Api api = new Api(client);
            awaitHealthy(new Api(management));
            device = api.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "android")).text("id");
            Reply acknowledged = api.post(member, "/v1/devices/" + device + "/checkins", checkin);
            assertThat(acknowledged.status()).isEqualTo(200);
            receivedAt = acknowledged.text("receivedAt");
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = start(port, managementPort, "second.log");
        try (HttpClient client = HttpClient.create(url(port)); HttpClient management = HttpClient.create(url(managementPort))) {
            Api api = new Api(client);
            awaitHealthy(new Api(management));

            Reply stored = api.get(member, "/v1/devices/" + device + "/checkins/" + checkinId);
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.text("receivedAt")).isEqualTo(receivedAt);
            assertThat(stored.list("events")).hasSize(2);
            Reply retried = api.post(member, "/v1/devices/" + device + "/checkins", checkin);
            assertThat(retried.body()).containsEntry("replayed", true).containsEntry("receivedAt", receivedAt);
            assertObservable(api, management, member);
        } finally {
            second.destroyForcibly().waitFor();
        }
        assertJsonLines(LOGS.resolve("second.log"));
    }

    /** Health with Cassandra and Prometheus metrics (after one replayed check-in) on the management port, the trace context echoed. */
    private static void assertObservable(Api api, HttpClient management, String member) {
        Reply health = new Api(management).send(HttpRequest.GET("/health"));
        String metrics = management.toBlocking().retrieve("/prometheus");
        Reply traced = api.send(Api.as(member, HttpRequest.GET("/v1/devices"))
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        assertThat(health.object("details")).containsKey("cassandra");
        assertThat(metrics).contains("atoll_app_checkins_total{outcome=\"replayed\"} 1.0")
                .contains("atoll_app_checkins_in_flight")
                .contains("http_server_requests_seconds_count")
                .contains("app_cql_requests");
        assertThat(traced.headers().get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    /** Every line the process wrote is a JSON log record. */
    private static void assertJsonLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(ObjectMapper.getDefault().readValue(line, Map.class)).containsKey("message"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Connected to Cassandra"));
    }

    private Process start(int port, int managementPort, String log) throws IOException {
        Files.createDirectories(LOGS);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(log).toFile());
        Map<String, String> environment = builder.environment();
        environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        environment.put("ENDPOINTS_ALL_PORT", String.valueOf(managementPort));
        environment.put("ATOLL_CELL_ID", "eu-west-1");
        environment.put("ATOLL_APP_CASSANDRA_CONTACT_POINTS", keyspace.host() + ":" + keyspace.port());
        environment.put("ATOLL_APP_CASSANDRA_LOCAL_DATACENTER", keyspace.datacenter());
        environment.put("ATOLL_APP_CASSANDRA_KEYSPACE", keyspace.name());
        environment.put("ATOLL_APP_CASSANDRA_REQUEST_TIMEOUT", "5s");
        return builder.start();
    }

    private static void awaitHealthy(Api management) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> management.send(HttpRequest.GET("/health")).status() == 200);
    }

    private static URL url(int port) throws MalformedURLException {
        return new URL("http://127.0.0.1:" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
