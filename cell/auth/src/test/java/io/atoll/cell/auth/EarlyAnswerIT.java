package io.atoll.cell.auth;

import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Members;
import io.atoll.cell.auth.support.RawConnection;
import io.atoll.cell.auth.support.Tokens;
import io.atoll.testing.EarlyAnsweringUpstream;
import io.atoll.testing.EarlyAnsweringUpstream.Ending;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app, or the ingress itself, may answer before the request's body has all arrived (a refused token, a body too
 * large, a path not served): that answer reaches the client as it was given, either way through the ingress and
 * however the app then ends its connection; the ingress drops the rest of the body, ends the client's connection
 * without a reset, and reuses no connection to the app that carried part of a body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlyAnswerIT {
    private static final int[] STATUSES = {404, 401, 403, 413, 415, 422};
    private static final int MEBIBYTE = 1024 * 1024;
    /** Up to the ingress's limit, {@code micronaut.server.max-request-size}. */
    private static final int[] SIZES = {64 * 1024, 700_000, 8 * MEBIBYTE, 32 * MEBIBYTE};

    private final HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private EarlyAnsweringUpstream app;
    private AuthCell cell;
    /** A member's token the ingress has verified before: its calls are decided from memory. */
    private String remembered;

    @BeforeAll
    void startCell() {
        app = new EarlyAnsweringUpstream("app");
        cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of("atoll.auth.upstream-url", app.url().toString()));
        remembered = "Bearer " + Members.signUpAndIn(cell, UUID.randomUUID() + "@example.com").get("access_token");
        assertThat(send(post("/v1/orders", remembered, new byte[2])).body()).isEqualTo("app:2");
    }

    @AfterAll
    void stopCell() {
        cell.close();
        app.close();
    }

    @Test
    void anEarlyAnswerToARememberedTokenReachesTheClientWhenTheAppResetsItsConnection() {
        earlyAnswersOfTheAppReachTheClient(Ending.RESET, () -> remembered);
    }

    @Test
    void anEarlyAnswerToARememberedTokenReachesTheClientWhenTheAppDrainsTheBodyAndCloses() {
        earlyAnswersOfTheAppReachTheClient(Ending.DRAIN, () -> remembered);
    }

    @Test
    void anEarlyAnswerToARememberedTokenReachesTheClientWhenTheAppKeepsItsConnection() {
        earlyAnswersOfTheAppReachTheClient(Ending.KEEP_ALIVE, () -> remembered);
    }

    @Test
    void anEarlyAnswerToATokenSeenForTheFirstTimeReachesTheClientWhenTheAppResetsItsConnection() {
        earlyAnswersOfTheAppReachTheClient(Ending.RESET, this::firstSighting);
    }

    @Test
    void anEarlyAnswerToATokenSeenForTheFirstTimeReachesTheClientWhenTheAppDrainsTheBodyAndCloses() {
        earlyAnswersOfTheAppReachTheClient(Ending.DRAIN, this::firstSighting);
    }

    @Test
    void anEarlyAnswerToATokenSeenForTheFirstTimeReachesTheClientWhenTheAppKeepsItsConnection() {
        earlyAnswersOfTheAppReachTheClient(Ending.KEEP_ALIVE, this::firstSighting);
    }

    @Test
    void aRequestExpectingAContinueGetsTheAppsContinue() {
        for (String bearer : List.of(remembered, firstSighting())) {
            byte[] body = new byte[700_000];
            try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
                connection.send(expectingContinue("/v1/orders", bearer, UUID.randomUUID().toString(), body.length));
                assertThat(connection.read().status()).isEqualTo(100);
                connection.write(body);
                assertThat(connection.read()).extracting(RawConnection.Response::status, RawConnection.Response::body)
                        .containsExactly(200, "app:" + body.length);
            }
        }
    }

    @Test
    void anEarlyAnswerToARequestExpectingAContinueReachesTheClientHoweverTheAppEndsItsConnection() {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Ending ending : Ending.values()) {
            for (int status : STATUSES) {
                for (String bearer : List.of(remembered, firstSighting())) {
                    sent++;
                    String requestId = UUID.randomUUID().toString();
                    try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
                        connection.send(expectingContinue(ending.path(status), bearer, requestId, 700_000));
                        RawConnection.Response early = connection.read();
                        if (early.status() != status || !early.body().equals(EarlyAnsweringUpstream.problem(status, requestId))
                                || !"close".equals(early.headers().get("connection"))) {
                            wrong.add(ending + " " + status + " answered " + early.status() + " " + early.headers() + " " + early.body());
                        }
                    } catch (UncheckedIOException e) {
                        wrong.add(ending + " " + status + " failed: " + e.getCause());
                    }
                    expect(post("/v1/orders", remembered, new byte[2]), 200, "app:2", wrong);
                }
            }
        }

        assertThat(wrong).as("%d of %d early answers (or the requests after them) lost", wrong.size(), sent).isEmpty();
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedByTheIngressItself() {
        for (int request = 0; request < 10; request++) {
            String requestId = UUID.randomUUID().toString();
            try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
                connection.send(head("/v1/orders", requestId, 32 * MEBIBYTE + 1));
                connection.write(new byte[64 * 1024]);

                RawConnection.Response answer = connection.read();
                assertThat(answer.status()).isEqualTo(413);
                assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
                assertThat(answer.headers()).containsEntry("connection", "close");
            }
            assertThat(send(post("/v1/orders", remembered, new byte[2])).body()).isEqualTo("app:2");
        }
    }

    @Test
    void theIngresssOwnRefusalsReachTheClientBeforeTheBody() {
        String unscoped = "Bearer " + Tokens.signed(cell, Tokens.validClaims("eu-west-1", cell.clock()).claim("scope", "other"));
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (int size : SIZES) {
            byte[] body = new byte[size];
            int repetitions = size > MEBIBYTE ? 3 : 15;
            for (int request = 0; request < repetitions; request++, sent += 3) {
                expectProblem(post("/v1/orders", "Bearer not-a-token", body), 401, wrong);
                expectProblem(post("/v1/orders", unscoped, body), 403, wrong);
                expectProblem(post("/internal/orders", remembered, body), 404, wrong);
                expect(post("/v1/orders", remembered, new byte[2]), 200, "app:2", wrong);
            }
        }

        assertThat(wrong).as("%d of %d refusals (or the requests after them) lost", wrong.size(), sent).isEmpty();
    }

    @Test
    void theRestOfTheBodyIsReadAndDroppedAndTheConnectionEndsWithIt() {
        int size = 8 * MEBIBYTE;
        String requestId = UUID.randomUUID().toString();
        try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
            connection.send(head(Ending.RESET.path(404), requestId, size));
            connection.write(new byte[64 * 1024]);

            RawConnection.Response answer = connection.read();
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.headers()).containsEntry("connection", "close");
            assertThat(answer.body()).isEqualTo(EarlyAnsweringUpstream.problem(404, requestId));
            // An ingress that closed at once would reset the connection under this write.
            connection.write(new byte[size - 64 * 1024]);
            long bodyEnd = System.nanoTime();

            assertThat(connection.readToEnd()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - bodyEnd)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aClientStillTricklingItsBodyIsClosedOnAfterSeconds() throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
            connection.send(head(Ending.DRAIN.path(413), requestId, MEBIBYTE));
            connection.write(new byte[1024]);

            assertThat(connection.read().body()).isEqualTo(EarlyAnsweringUpstream.problem(413, requestId));
            assertThat(connection.readToEnd()).as("the answer is followed by the end of the stream").isEmpty();
            // The ingress reads the rest of the body a while, then closes: a write after that is refused.
            assertThat(trickleUntilRefused(connection)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    private String firstSighting() {
        // A token never seen before is verified off the event loop before its request is forwarded.
        return "Bearer " + Tokens.signed(cell, Tokens.validClaims("eu-west-1", cell.clock()));
    }

    private void earlyAnswersOfTheAppReachTheClient(Ending ending, Supplier<String> bearer) {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (int size : SIZES) {
            byte[] body = new byte[size];
            int repetitions = size > MEBIBYTE ? 12 : 60;
            for (int request = 0; request < repetitions; request++, sent++) {
                int status = STATUSES[request % STATUSES.length];
                String requestId = UUID.randomUUID().toString();
                expect(post(ending.path(status), bearer.get(), body).header("X-Request-Id", requestId),
                        status, EarlyAnsweringUpstream.problem(status, requestId), wrong);
                expect(post("/v1/orders", remembered, new byte[2]), 200, "app:2", wrong);
            }
        }

        assertThat(wrong).as("%d of %d early answers (or the requests after them) lost", wrong.size(), sent).isEmpty();
    }

    private String head(String path, String requestId, int contentLength) {
        return head(path, remembered, requestId, contentLength, "");
    }

    private static String expectingContinue(String path, String bearer, String requestId, int contentLength) {
        return head(path, bearer, requestId, contentLength, "Expect: 100-continue\r\n");
    }

    private static String head(String path, String bearer, String requestId, int contentLength, String moreHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: cell\r\nAuthorization: " + bearer + "\r\nX-Request-Id: " + requestId
                + "\r\nContent-Type: application/json\r\n" + moreHeaders + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** Sends a few bytes every 50 ms, as a slow client would, until the connection refuses them; how long that took. */
    private static Duration trickleUntilRefused(RawConnection connection) throws InterruptedException {
        long start = System.nanoTime();
        try {
            while (System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
                connection.write(new byte[16]);
                Thread.sleep(50);
            }
        } catch (UncheckedIOException refused) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        return Duration.ofSeconds(20);
    }

    private HttpRequest.Builder post(String path, String bearer, byte[] body) {
        return HttpRequest.newBuilder(cell.uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http11.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void expect(HttpRequest.Builder request, int status, String body, List<String> wrong) {
        check(request, wrong, response -> response.statusCode() == status && response.body().equals(body));
    }

    private void expectProblem(HttpRequest.Builder request, int status, List<String> wrong) {
        check(request, wrong, response -> response.statusCode() == status && response.body().contains("\"status\":" + status)
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    /** Sends the request; notes what went wrong, when something did. */
    private void check(HttpRequest.Builder request, List<String> wrong, Predicate<HttpResponse<String>> right) {
        HttpRequest built = request.build();
        String what = built.uri().getPath() + " with " + built.bodyPublisher().orElseThrow().contentLength() + " bytes";
        try {
            HttpResponse<String> response = send(request);
            if (!right.test(response)) {
                wrong.add(what + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (UncheckedIOException e) {
            wrong.add(what + " failed: " + e.getCause());
        }
    }
}
