package io.atoll.cell.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.EchoUpstream;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged auth service, started as operators start it: every line of its output, from the first, is a JSON log
 * record, and each request through its ingress is one access-log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "atoll-auth.jar");
    private static final Path LOG = Path.of("target", "packaged-jar-it", "auth.log");
    private static final ObjectMapper JSON = new ObjectMapper()
            // A key written twice (a field and the same one from the logging context) is not one JSON object.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final EchoUpstream upstream = new EchoUpstream();
    private final PostgresDatabase database = TestServers.postgres().createDatabase("auth_jar");
    private final int port = AuthCell.freePort();
    private final int managementPort = AuthCell.freePort();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    void stop() {
        upstream.close();
        database.close();
    }

    @Test
    void everyLineIsJsonAndEachRequestIsOneAccessLine() throws Exception {
        Process auth = start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> get("/.well-known/jwks.json").statusCode() == 200);
            assertThat(get("/v1/feed").statusCode()).isEqualTo(401);
            assertThat(get("/internal/7").statusCode()).isEqualTo(404);
            assertThat(get("/prometheus").statusCode()).as("metrics through the ingress").isEqualTo(404);
            assertThat(get(managementPort, "/prometheus").body()).contains("atoll_auth_");
            // While the service writes, the last line may be half-written: the strict reading comes once it has stopped.
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> access("/v1/feed").size() == 1
                    && access("/internal/{id}").size() == 1);
        } finally {
            auth.destroy();
            assertThat(auth.waitFor(30, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
        }

        List<Map<String, Object>> lines = lines();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).containsKeys("@timestamp", "level", "logger_name", "message"));
        assertThat(lines).noneMatch(line -> "ERROR".equals(line.get("level")));
        assertThat(access("/v1/feed")).singleElement().satisfies(line -> assertThat(line).containsEntry("method", "GET")
                .containsEntry("status", 401).containsEntry("cell", "eu-west-1").containsEntry("route_reason", "unauthenticated")
                .containsKeys("bytes", "duration_ms", "trace_id"));
        assertThat(access("/internal/{id}")).singleElement().satisfies(line -> assertThat(line).containsEntry("status", 404)
                .containsEntry("route_reason", "uncovered"));
        assertThat(access("/.well-known/jwks.json")).isNotEmpty().allSatisfy(line -> assertThat(line).containsEntry("route_reason", "own"));
    }

    private Process start() throws IOException {
        assertThat(JAR).as("the packaged JAR (failsafe runs after package)").exists();
        Files.createDirectories(LOG.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("ATOLL_AUTH_INGRESS_PORT", String.valueOf(port));
        environment.put("ENDPOINTS_ALL_PORT", String.valueOf(managementPort));
        environment.put("DATASOURCES_DEFAULT_URL", database.jdbcUrl());
        environment.put("DATASOURCES_DEFAULT_USERNAME", database.username());
        environment.put("DATASOURCES_DEFAULT_PASSWORD", database.password());
        environment.put("ATOLL_CELL_ID", "eu-west-1");
        environment.put("ATOLL_AUTH_UPSTREAM_URL", upstream.url().toString());
        return builder.start();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(port, path);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map<String, Object>> access(String route) {
        return lines().stream().filter(line -> "atoll.access".equals(line.get("logger_name")) && route.equals(line.get("route"))).toList();
    }

    /** Every line of the log, each parsed as JSON: a line that is not JSON fails the test. */
    private static List<Map<String, Object>> lines() {
        try {
            List<Map<String, Object>> parsed = new ArrayList<>();
            for (String line : Files.readAllLines(LOG)) {
                parsed.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {
                }));
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
