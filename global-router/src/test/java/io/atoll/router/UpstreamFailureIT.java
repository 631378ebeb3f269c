package io.atoll.router;

import io.atoll.router.domain.CellHealthBoard;
import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cells that cannot be reached, hang up, stay silent or fail: idempotent requests are retried once on the next
 * cell, others are answered with problem+json and never replayed, and a failing cell is ejected.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamFailureIT implements TestPropertyProvider {
    private final String unreachableForIdempotent = unusedPortUrl();
    private final String unreachableForPost = unusedPortUrl();
    private final StandInCell rude = new StandInCell("rude-1");
    private final StandInCell silent = new StandInCell("silent-1");
    private final StandInCell failing = new StandInCell("failing-1");
    private final StandInCell cutting = new StandInCell("cutting-1");
    private final StandInCell gatewayFailing = new StandInCell("gateway-1");
    private final StandInCell good = new StandInCell("good-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder().write(List.of(
            new RegistryFileWriter.Entry("gone-1", "gone-1", unreachableForIdempotent, "active"),
            new RegistryFileWriter.Entry("gone-2", "gone-2", unreachableForPost, "active"),
            RegistryFileWriter.entry(rude), RegistryFileWriter.entry(silent), RegistryFileWriter.entry(failing),
            RegistryFileWriter.entry(cutting), RegistryFileWriter.entry(gatewayFailing), RegistryFileWriter.entry(good)));
    @Inject
    DataPlaneServer dataPlane;
    @Inject
    CellHealthBoard health;
    private RouterClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RouterTestProperties.of(database, registry.file()));
        // Keep unreachable cells routable for the probes, so that requests meet them; passive detection stays on.
        properties.put("atoll.router.health.unhealthy-threshold", "1000000");
        properties.put("atoll.router.health.ejection-failures", "3");
        properties.put("atoll.router.health.base-ejection-time", "1m");
        properties.put("atoll.router.health.max-ejection-time", "1m");
        properties.put("atoll.router.data-plane.read-timeout", "1s");
        return properties;
    }

    @BeforeAll
    void openClient() {
        client = new RouterClient(dataPlane.port());
    }

    @AfterAll
    void stopCells() {
        rude.close();
        silent.close();
        failing.close();
        cutting.close();
        gatewayFailing.close();
        good.close();
        database.close();
    }

    @Test
    void idempotentRequestsThatCannotConnectAreRetriedOnceOnTheNextCell() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            HttpResponse<String> response = client.send(client.request("/v1/devices/d-1")
                    .header("X-Atoll-Rtt", "gone-1=1,good-1=2")
                    .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                    .build());

            assertThat(response.statusCode()).as(method).isEqualTo(200);
            assertThat(response.body()).isEqualTo("good-1");
            assertThat(RouterClient.cell(response)).isEqualTo("good-1");
            assertThat(RouterClient.reason(response)).isEqualTo("retry");
        }
    }

    @Test
    void postThatCannotConnectIsNotReplayed() {
        long postsAtGoodCell = good.received("POST", "/v1/orders");

        HttpResponse<String> response = client.post("/v1/orders", "{\"item\":\"i-1\"}", "X-Atoll-Rtt", "gone-2=1,good-1=2");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(RouterClient.cell(response)).isEqualTo("gone-2");
        assertThat(RouterClient.reason(response)).isEqualTo("nearest-rtt-hint");
        assertThat(response.body()).contains("\"status\":503").contains("\"title\":\"Service Unavailable\"")
                .contains("cell gone-2 could not be reached; the request was not sent").contains("\"instance\":\"/v1/orders\"");
        assertThat(good.received("POST", "/v1/orders")).isEqualTo(postsAtGoodCell);
    }

    @Test
    void postWithAnIdempotencyKeyThatCannotConnectIsRetriedOnTheNextCell() {
        HttpResponse<String> response = client.post("/v1/payments", "{\"id\":\"p-1\"}", "X-Atoll-Rtt", "gone-2=1,good-1=2",
                "Idempotency-Key", "p-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RouterClient.cell(response)).isEqualTo("good-1");
        assertThat(RouterClient.reason(response)).isEqualTo("retry");
        assertThat(good.received("POST", "/v1/payments")).isEqualTo(1);
    }

    @Test
    void cellHangingUpBeforeAnsweringGetsGetsRetriedAndPostsAnswered502() {
        rude.droppingConnections(true);
        try {
            HttpResponse<String> get = client.get("/v1/feed", "X-Atoll-Rtt", "rude-1=1,good-1=2");
            HttpResponse<String> post = client.post("/v1/checkins", "{}", "X-Atoll-Rtt", "rude-1=1,good-1=2");

            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(RouterClient.cell(get)).isEqualTo("good-1");
            assertThat(RouterClient.reason(get)).isEqualTo("retry");
            assertThat(post.statusCode()).isEqualTo(502);
            assertThat(RouterClient.cell(post)).isEqualTo("rude-1");
            assertThat(post.body()).contains("cell rude-1 closed the connection before answering");
            assertThat(rude.received("POST", "/v1/checkins")).isEqualTo(1);
            assertThat(good.received("POST", "/v1/checkins")).isZero();
        } finally {
            rude.droppingConnections(false);
        }
    }

    @Test
    void postWithAnIdempotencyKeyCutOffBeforeItsAnswerIsResentWholeToTheNextCell() {
        cutting.droppingConnections(true);
        try {
            String body = "{\"checkinId\":\"c-1\",\"events\":[" + "{\"type\":\"screen_view\"},".repeat(200) + "{}]}";

            HttpResponse<String> response = client.post("/echo", body, "X-Atoll-Rtt", "cutting-1=1,good-1=2", "Idempotency-Key", "c-1");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RouterClient.cell(response)).isEqualTo("good-1");
            assertThat(RouterClient.reason(response)).isEqualTo("retry");
            assertThat(response.body()).isEqualTo("good-1:" + body);
            assertThat(cutting.received("POST", "/echo")).isEqualTo(1);
        } finally {
            cutting.droppingConnections(false);
        }
    }

    @Test
    void keyedPostTooLargeToKeepIsNotResentAfterTheCellCutItOff() {
        cutting.droppingConnections(true);
        try {
            long atGoodCell = good.received("POST", "/upload");

            HttpResponse<String> response = client.post("/upload", "x".repeat(100 * 1024), "X-Atoll-Rtt", "cutting-1=1,good-1=2",
                    "Idempotency-Key", "u-1");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(RouterClient.cell(response)).isEqualTo("cutting-1");
            assertThat(good.received("POST", "/upload")).isEqualTo(atGoodCell);
        } finally {
            cutting.droppingConnections(false);
        }
    }

    @Test
    void gatewayFailureOfACellSendsKeyedPostsToTheNextCellAndPassesOthersOn() {
        gatewayFailing.failWith(502);
        try {
            HttpResponse<String> keyed = client.post("/echo", "{\"id\":\"k-1\"}", "X-Atoll-Rtt", "gateway-1=1,good-1=2",
                    "Idempotency-Key", "k-1");
            HttpResponse<String> unkeyed = client.post("/echo", "{\"id\":\"k-2\"}", "X-Atoll-Rtt", "gateway-1=1,good-1=2");

            assertThat(keyed.statusCode()).isEqualTo(200);
            assertThat(RouterClient.cell(keyed)).isEqualTo("good-1");
            assertThat(RouterClient.reason(keyed)).isEqualTo("retry");
            assertThat(keyed.body()).isEqualTo("good-1:{\"id\":\"k-1\"}");
            assertThat(unkeyed.statusCode()).isEqualTo(502);
            assertThat(RouterClient.cell(unkeyed)).isEqualTo("gateway-1");
            assertThat(unkeyed.body()).contains("failing");
        } finally {
            gatewayFailing.stopFailing();
        }
    }

    @Test
    void gatewayFailureAnsweredBeforeTheBodyArrivedSendsTheWholeBodyToTheNextCell() throws Exception {
        gatewayFailing.failWith(503);
        String firstHalf = "{\"id\":\"k-3\",";
        String secondHalf = "\"late\":true}";
        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(5_000);
            long atGood = good.received("POST", "/echo");
            OutputStream out = socket.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: router\r\nX-Atoll-Rtt: gateway-1=1,good-1=2\r\nIdempotency-Key: k-3\r\n"
                    + "Connection: close\r\nContent-Length: " + (firstHalf.length() + secondHalf.length()) + "\r\n\r\n" + firstHalf)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The next cell has the request while the rest of its body is still with the client: the 503 came first.
            await().atMost(Duration.ofSeconds(5)).until(() -> good.received("POST", "/echo") > atGood);
            out.write(secondHalf.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("X-Atoll-Cell: good-1")
                    .endsWith("good-1:" + firstHalf + secondHalf);
        } finally {
            gatewayFailing.stopFailing();
        }
    }

    @Test
    void silentCellIsAnsweredWithGatewayTimeout() {
        silent.holdRequests();
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = client.get("/v1/feed", "X-Atoll-Rtt", "silent-1=1,good-1=2");

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
            assertThat(RouterClient.cell(response)).isEqualTo("silent-1");
            assertThat(response.body()).contains("cell silent-1 did not answer within 1000 ms");
        } finally {
            silent.releaseRequests();
        }
    }

    @Test
    void cellAnsweringWithServerErrorsIsEjected() {
        failing.failWith(500);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> response = client.get("/v1/feed", "X-Atoll-Rtt", "failing-1=1,good-1=2");
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(RouterClient.cell(response)).isEqualTo("failing-1");
            }

            HttpResponse<String> afterEjection = client.get("/v1/feed", "X-Atoll-Rtt", "failing-1=1,good-1=2");

            assertThat(afterEjection.statusCode()).isEqualTo(200);
            assertThat(RouterClient.cell(afterEjection)).isEqualTo("good-1");
            assertThat(health.of("failing-1").ejectionRemaining(System.nanoTime())).isPresent();
        } finally {
            failing.stopFailing();
        }
    }

    private static String unusedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
