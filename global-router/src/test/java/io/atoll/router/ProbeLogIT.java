package io.atoll.router;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.sun.net.httpserver.HttpServer;
import io.atoll.router.domain.CellHealthBoard;
import io.atoll.testing.CapturedLogs;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cell whose readiness probe times out, and one that refuses connections, each make one WARN line that names
 * the cell and the cause, without a stack trace, and nothing at ERROR: routine for a router, not an incident. The
 * slow cell does answer, too late: that late answer, to a probe already given up, must not be logged either.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeLogIT implements TestPropertyProvider {
    private static final String SLOW = "ap-southeast-2";
    private static final String REFUSING = "us-east-1";

    /** Answers every request 503, a second after it came: long after the probe timeout (300 ms). */
    private final HttpServer slow = lateServer();
    private final int refusingPort = closedPort();
    private final StandInCell eu = new StandInCell("eu-west-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder().write(List.of(RegistryFileWriter.entry(eu),
            new RegistryFileWriter.Entry(SLOW, SLOW, "http://127.0.0.1:" + slow.getAddress().getPort(), "active"),
            new RegistryFileWriter.Entry(REFUSING, REFUSING, "http://127.0.0.1:" + refusingPort, "active")));
    private final CapturedLogs logs = CapturedLogs.of(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.WARN);
    @Inject
    CellHealthBoard health;

    @Override
    public Map<String, String> getProperties() {
        return RouterTestProperties.of(database, registry.file());
    }

    @AfterAll
    void stop() {
        logs.close();
        slow.stop(0);
        eu.close();
        database.close();
    }

    @Test
    void aProbeTimeoutAndARefusedConnectionAreOneWarnLineEachWithTheCellAndTheCause() {
        await().atMost(Duration.ofSeconds(10)).until(() -> warningsAbout(SLOW).size() == 1 && warningsAbout(REFUSING).size() == 1);
        // Many more probes fail while this waits: none of them may add a line.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> warningsAbout(SLOW).size() == 1 && warningsAbout(REFUSING).size() == 1);

        assertThat(logs.events()).noneMatch(event -> event.getLevel() == Level.ERROR)
                .allMatch(event -> event.getThrowableProxy() == null);
        assertThat(logs.json(warningsAbout(SLOW).get(0))).containsEntry("level", "WARN").containsEntry("cell", SLOW)
                .containsEntry("cause", "no answer within 300 ms").doesNotContainKey("stack_trace");
        Map<String, Object> refused = logs.json(warningsAbout(REFUSING).get(0));
        assertThat(refused).containsEntry("cell", REFUSING).doesNotContainKey("stack_trace");
        assertThat(refused.get("cause").toString()).contains("Connection refused");
        assertThat(health.of(SLOW).lastProbeFailure()).hasValue("no answer within 300 ms");
    }

    private List<ILoggingEvent> warningsAbout(String cellId) {
        return logs.events().stream()
                .filter(event -> event.getLevel() == Level.WARN && event.getFormattedMessage().startsWith("Cell " + cellId + " "))
                .toList();
    }

    private static HttpServer lateServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            CountDownLatch never = new CountDownLatch(1);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try (exchange) {
                    never.await(1, TimeUnit.SECONDS);
                    exchange.sendResponseHeaders(503, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
