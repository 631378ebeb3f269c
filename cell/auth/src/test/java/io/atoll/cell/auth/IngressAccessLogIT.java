package io.atoll.cell.auth;

import ch.qos.logback.classic.Level;
import io.atoll.cell.auth.support.Members;
import io.atoll.testing.CapturedLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingress writes one access-log line per request, as JSON fields — trace id, method, route template, status,
 * bytes, duration, its cell and the authorization decision as route reason — whether the request was forwarded
 * with a remembered token or a first-sighted one, refused, or served by the service itself.
 */
class IngressAccessLogIT extends EchoAppCellTest {
    private static final String FORWARDED = "atoll.auth.ingress.forwarded";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final CapturedLogs access = CapturedLogs.of("atoll.access", Level.INFO);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    void stopCapturing() {
        access.close();
    }

    @Test
    void aForwardedCallIsOneLineWithItsDecision() {
        String bearer = bearer();
        send("GET", "/v1/devices/" + UUID.randomUUID() + "/commands", bearer);
        double before = cell.count(FORWARDED);

        HttpResponse<String> response = send("GET", "/v1/devices/" + UUID.randomUUID() + "/commands?after=7", bearer,
                "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        assertThat(cell.count(FORWARDED)).as("forwarded to the app").isEqualTo(before + 1);
        assertThat(response.headers().firstValue("X-Atoll-Ingress-Decision")).isEmpty();
        Map<String, Object> line = lineWithTrace(TRACE_ID);
        assertThat(line).containsEntry("logger_name", "atoll.access").containsEntry("method", "GET")
                .containsEntry("route", "/v1/devices/{id}/commands").containsEntry("status", 200)
                .containsEntry("bytes", response.body().length()).containsEntry("cell", "eu-west-1")
                .containsEntry("route_reason", "granted").containsKey("duration_ms");
        assertThat(lines("/v1/devices/{id}/commands")).hasSize(2);
    }

    @Test
    void firstSightingsAndRefusalsAreOneLineEachWithTheirDecision() {
        String firstSighting = bearer();
        double before = cell.count(FORWARDED);

        HttpResponse<String> granted = send("POST", "/v1/orders", firstSighting);
        HttpResponse<String> unauthenticated = send("POST", "/v1/orders/17/cancel", null);
        HttpResponse<String> uncovered = send("GET", "/storage/v1/items/42", firstSighting);

        // The first sighting is verified asynchronously, then forwarded; the refusals are the ingress's own answers.
        assertThat(cell.count(FORWARDED)).as("forwarded to the app").isEqualTo(before + 1);
        assertThat(List.of(granted, unauthenticated, uncovered)).extracting(HttpResponse::statusCode).containsExactly(200, 401, 404);
        assertThat(List.of(granted, unauthenticated, uncovered))
                .allSatisfy(response -> assertThat(response.headers().firstValue("X-Atoll-Ingress-Decision")).isEmpty());
        assertThat(single("/v1/orders")).containsEntry("route_reason", "granted").containsEntry("status", 200)
                .containsEntry("bytes", granted.body().length());
        assertThat(single("/v1/orders/{id}/cancel")).containsEntry("route_reason", "unauthenticated").containsEntry("status", 401)
                .containsEntry("bytes", unauthenticated.body().length());
        Map<String, Object> refused = single("/storage/v1/items/{id}");
        assertThat(refused).containsEntry("route_reason", "uncovered").containsEntry("status", 404);
        assertThat(refused.get("trace_id")).asString().hasSize(32);
    }

    @Test
    void theServicesOwnEndpointsAreLoggedAsOwn() {
        HttpResponse<String> jwks = send("GET", "/.well-known/jwks.json", null);

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(single("/.well-known/jwks.json")).containsEntry("route_reason", "own").containsEntry("bytes", jwks.body().length());
    }

    private String bearer() {
        return "Bearer " + Members.signUpAndIn(cell, UUID.randomUUID() + "@example.com").get("access_token");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(cell.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> lineWithTrace(String traceId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> access.jsonLines().stream().anyMatch(line -> traceId.equals(line.get("trace_id"))));
        return access.jsonLines().stream().filter(line -> traceId.equals(line.get("trace_id"))).findFirst().orElseThrow();
    }

    private Map<String, Object> single(String route) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !lines(route).isEmpty());
        // Exactly one: a second line for the same request would come with it, on the same event loop.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> lines(route).size() == 1);
        return lines(route).get(0);
    }

    private List<Map<String, Object>> lines(String route) {
        return access.jsonLines().stream().filter(line -> route.equals(line.get("route"))).toList();
    }
}
