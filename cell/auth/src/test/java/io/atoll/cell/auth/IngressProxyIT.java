package io.atoll.cell.auth;

import io.atoll.cell.auth.support.EchoUpstream;
import io.atoll.cell.auth.support.HeldBackBody;
import io.atoll.cell.auth.support.Members;
import io.atoll.cell.auth.support.RawConnection;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingress forwards a call whose token it verified before at once, and a token's first sighting once verified:
 * either way the app sees the verified identity, bodies stream, and the answers on a connection keep the order of
 * the requests.
 */
class IngressProxyIT extends EchoAppCellTest {
    private static final String FORWARDED = "atoll.auth.ingress.forwarded";
    private static final String FAILED = "atoll.auth.ingress.upstream.failures";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The bearer header of a new member; a remembered token has been used once already. */
    private String bearer(boolean remembered) {
        String bearer = "Bearer " + Members.signUpAndIn(cell, UUID.randomUUID() + "@example.com").get("access_token");
        if (remembered) {
            try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
                connection.send(get("/v1/feed", bearer));
                assertThat(connection.read().status()).isEqualTo(200);
            }
        }
        return bearer;
    }

    private static String get(String target, String authorization, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: cell\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    @Test
    void aRememberedTokensCallIsForwardedAsTheVerifiedMember() {
        String bearer = bearer(false);
        try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
            connection.send(get("/v1/feed?cursor=1", bearer));
            RawConnection.Response first = connection.read();
            double before = cell.count(FORWARDED);

            connection.send(get("/v1/feed?cursor=2", bearer, "X-Auth-Subject", "someone-else", "X-Auth-Scopes", "admin",
                    "X-Forwarded-For", "10.1.2.3", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
            RawConnection.Response repeated = connection.read();

            assertThat(cell.count(FORWARDED)).isEqualTo(before + 1);
            assertThat(repeated.status()).isEqualTo(200);
            assertThat(repeated.headers().get("x-seen-subject")).isEqualTo(first.headers().get("x-seen-subject")).isNotEqualTo("someone-else");
            assertThat(repeated.headers()).containsEntry("x-seen-scopes", "app").containsEntry("x-seen-home-cell", "eu-west-1")
                    .containsEntry("x-seen-path", "/v1/feed?cursor=2").containsEntry("x-seen-forwarded-for", "10.1.2.3, 127.0.0.1");
            String span = repeated.headers().get("x-seen-traceparent");
            assertThat(span).contains(TRACE_ID).doesNotContain("00f067aa0ba902b7");
            assertThat(repeated.headers()).containsEntry("traceparent", span);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderWhicheverWayTheyGo() {
        String remembered = bearer(true);
        String firstSighting = bearer(false);
        try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
            connection.send(get("/v1/one", remembered) + get("/v1/two", null) + get("/v1/three", remembered)
                    + get("/v1/four", firstSighting) + get("/v1/five", remembered));

            assertThat(connection.read().headers()).containsEntry("x-seen-path", "/v1/one");
            RawConnection.Response refused = connection.read();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
            assertThat(connection.read().headers()).containsEntry("x-seen-path", "/v1/three");
            assertThat(connection.read().headers()).containsEntry("x-seen-path", "/v1/four");
            assertThat(connection.read().headers()).containsEntry("x-seen-path", "/v1/five");
        }
    }

    @Test
    void largeBodiesStreamBothWaysForATokenSeenForTheFirstTime() throws Exception {
        streamBothWays(false);
    }

    @Test
    void largeBodiesStreamBothWaysForATokenVerifiedBefore() throws Exception {
        streamBothWays(true);
    }

    private void streamBothWays(boolean remembered) throws Exception {
        String id = UUID.randomUUID().toString();
        CountDownLatch arrived = upstream.firstPartArrived(id);
        int parts = 16;
        String uploader = bearer(remembered);
        double before = cell.count(FORWARDED);
        HttpResponse<String> upload = http11.send(HttpRequest.newBuilder(cell.uri("/v1/stream/up?id=" + id))
                .header("Authorization", uploader)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new HeldBackBody(parts, arrived))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.headers().firstValue("X-Seen-Bytes")).hasValue(String.valueOf((long) parts * EchoUpstream.PART));
        assertThat(cell.count(FORWARDED)).as("forwarded to the app").isEqualTo(before + 1);

        String downId = UUID.randomUUID().toString();
        String downloader = bearer(remembered);
        double beforeDownload = cell.count(FORWARDED);
        HttpResponse<InputStream> download = http11.send(HttpRequest.newBuilder(cell.uri("/v1/stream/down?id=" + downId))
                .header("Authorization", downloader).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = download.body()) {
            assertThat(body.readNBytes(EchoUpstream.PART / 2)).hasSize(EchoUpstream.PART / 2);
            upstream.firstPartRead(downId).countDown();
            assertThat(body.readAllBytes()).hasSize(EchoUpstream.PART + EchoUpstream.PART / 2);
        }
        assertThat(cell.count(FORWARDED)).as("forwarded to the app").isEqualTo(beforeDownload + 1);
    }

    @Test
    void anAnswerBrokenOffHalfWayEndsTheClientsConnection() {
        String bearer = bearer(true);
        double before = cell.count(FAILED);
        try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
            connection.send(get("/v1/cut", bearer));
            RawConnection.Response broken = connection.read();

            assertThat(broken.status()).isEqualTo(200);
            assertThat(broken.body()).hasSizeLessThan(1000);
            assertThat(connection.readToEnd()).isEmpty();
        }
        assertThat(cell.count(FAILED)).isEqualTo(before + 1);
    }
}
