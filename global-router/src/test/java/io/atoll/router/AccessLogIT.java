package io.atoll.router;

import ch.qos.logback.classic.Level;
import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.CapturedLogs;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data plane writes one access-log line per request, as JSON fields: trace id, method, route template, status,
 * bytes, duration, cell and route reason — for the cells' answers and the router's own alike.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogIT implements TestPropertyProvider {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final StandInCell eu = new StandInCell("eu-west-1");
    private final StandInCell us = new StandInCell("us-east-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder()
            .write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us)));
    private final String euMember = "Bearer " + new TestTokens("eu-west-1").member("eu-west-1");
    private final CapturedLogs access = CapturedLogs.of("atoll.access", Level.INFO);
    @Inject
    DataPlaneServer dataPlane;

    @Override
    public Map<String, String> getProperties() {
        return RouterTestProperties.of(database, registry.file());
    }

    @AfterAll
    void stop() {
        access.close();
        eu.close();
        us.close();
        database.close();
    }

    @Test
    void aRequestIsOneLineWithItsRouteTemplateCellReasonAndTrace() {
        RouterClient client = new RouterClient(dataPlane.port());
        String device = UUID.randomUUID().toString();

        HttpResponse<String> response = client.get("/v1/devices/" + device + "/checkins?since=3", "Authorization", euMember,
                "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> line = awaitLines("/v1/devices/{id}/checkins", 1).get(0);
        assertThat(line).containsEntry("logger_name", "atoll.access").containsEntry("level", "INFO")
                .containsEntry("method", "GET").containsEntry("status", 200).containsEntry("bytes", response.body().length())
                .containsEntry("cell", "eu-west-1").containsEntry("route_reason", "home").containsEntry("trace_id", TRACE_ID)
                .containsKey("duration_ms");
        assertThat(((Number) line.get("duration_ms")).doubleValue()).isPositive();
        assertThat(line.get("message").toString()).startsWith("GET /v1/devices/{id}/checkins 200").doesNotContain(device);
    }

    @Test
    void everyRequestOnAKeptAliveConnectionIsExactlyOneLine() {
        RouterClient client = new RouterClient(dataPlane.port());
        for (int i = 0; i < 25; i++) {
            assertThat(client.post("/v1/items/" + i + "/retire", "{}", "X-Client-Region", "us-east-1").statusCode()).isEqualTo(200);
        }

        List<Map<String, Object>> lines = awaitLines("/v1/items/{id}/retire", 25);
        assertThat(lines).allSatisfy(line -> assertThat(line).containsEntry("method", "POST").containsEntry("cell", "us-east-1")
                .containsEntry("route_reason", "nearest-client-region").containsEntry("bytes", "us-east-1".length()));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> lines("/v1/items/{id}/retire").size() == 25);
    }

    @Test
    void aCellsErrorAnswerIsLoggedWithItsStatus() {
        RouterClient client = new RouterClient(dataPlane.port());
        eu.failWith(503);
        try {
            // Not idempotent: the cell's 503 is the answer, not a reason to try the next cell.
            assertThat(client.post("/v1/orders", "{}", "Authorization", euMember).statusCode()).isEqualTo(503);
        } finally {
            eu.stopFailing();
        }

        Map<String, Object> line = awaitLines("/v1/orders", 1).get(0);
        assertThat(line).containsEntry("status", 503).containsEntry("cell", "eu-west-1").containsEntry("route_reason", "home");
        assertThat(line.get("trace_id")).isNull();
    }

    @Test
    void theRoutersOwnAnswerToABadRequestIsLoggedWithoutACell() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(5_000);
            String request = "GET /v1/feed/17 HTTP/1.1\r\nHost: router\r\nX-Padding: " + "x".repeat(10_000) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 431");
        }

        Map<String, Object> line = awaitLines("/v1/feed/{id}", 1).get(0);
        assertThat(line).containsEntry("status", 431).containsEntry("cell", "none").containsEntry("route_reason", "none");
        assertThat(((Number) line.get("bytes")).intValue()).isPositive();
    }

    private List<Map<String, Object>> awaitLines(String route, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(route).size() >= count);
        return lines(route);
    }

    private List<Map<String, Object>> lines(String route) {
        return access.jsonLines().stream().filter(line -> route.equals(line.get("route"))).toList();
    }
}
