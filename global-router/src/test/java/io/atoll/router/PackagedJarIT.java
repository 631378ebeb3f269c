package io.atoll.router;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged router, started as operators start it: every line of its output, from the first, is a JSON log
 * record; each request is an access-log line; a cell that does not answer its probes is a WARN line, not an ERROR
 * with a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "atoll-router.jar");
    private static final Path LOG = Path.of("target", "packaged-jar-it", "router.log");
    private static final Pattern DATA_PLANE = Pattern.compile("Data plane listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper()
            // A key written twice (a field and the same one from the logging context) is not one JSON object.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final StandInCell eu = new StandInCell("eu-west-1");
    /** A cell that takes connections (the kernel's backlog does) and never answers. */
    private final ServerSocket silent = listen();
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router_jar");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder().write(List.of(RegistryFileWriter.entry(eu),
            new RegistryFileWriter.Entry("us-east-1", "us-east-1", "http://127.0.0.1:" + silent.getLocalPort(), "active")));

    @AfterAll
    void stop() throws IOException {
        silent.close();
        eu.close();
        database.close();
    }

    @Test
    void everyLineIsJsonAndEachRequestIsOneAccessLine() throws Exception {
        Process router = start();
        try {
            // While the router writes, the last line may be half-written: the strict reading comes once it has stopped.
            int port = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> dataPlanePort(), Optional::isPresent).get();
            RouterClient client = new RouterClient(port);
            for (int i = 0; i < 3; i++) {
                assertThat(client.get("/v1/orders/" + UUID.randomUUID(), "X-Client-Region", "eu-west-1").statusCode()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> accessLines().size() == 3
                    && lines().stream().anyMatch(line -> "WARN".equals(line.get("level")) && "us-east-1".equals(line.get("cell"))));
        } finally {
            router.destroy();
            assertThat(router.waitFor(30, TimeUnit.SECONDS)).as("the router stops on SIGTERM").isTrue();
        }

        List<Map<String, Object>> lines = lines();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).containsKeys("@timestamp", "level", "logger_name", "message"));
        assertThat(lines).noneMatch(line -> "ERROR".equals(line.get("level")) || line.containsKey("stack_trace"));
        assertThat(accessLines()).hasSize(3).allSatisfy(line -> assertThat(line).containsEntry("method", "GET")
                .containsEntry("route", "/v1/orders/{id}").containsEntry("status", 200).containsEntry("bytes", "eu-west-1".length())
                .containsEntry("cell", "eu-west-1").containsEntry("route_reason", "nearest-client-region")
                .containsKeys("duration_ms", "trace_id"));
    }

    private Process start() throws IOException {
        assertThat(JAR).as("the packaged JAR (failsafe runs after package)").exists();
        Files.createDirectories(LOG.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"));
        RouterTestProperties.of(database, registry.file()).forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
    }

    private Optional<Integer> dataPlanePort() {
        return lines().stream().map(line -> DATA_PLANE.matcher(String.valueOf(line.get("message")))).filter(Matcher::find)
                .map(match -> Integer.parseInt(match.group(1))).findFirst();
    }

    private List<Map<String, Object>> accessLines() {
        return lines().stream().filter(line -> "atoll.access".equals(line.get("logger_name"))).toList();
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

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
