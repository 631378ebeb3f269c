package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.atoll.cell.workers.notify.support.Completions;
import io.atoll.cell.workers.notify.support.HttpReceiver;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How every channel's answer is judged, against real HTTP receivers on the loopback. */
class NotificationPosterTest {
    private static final Notification NOTIFICATION = Completions.notificationOf(Completions.photo("3 thumbnails"));
    private static final byte[] BODY = "{\"hello\":\"receiver\"}".getBytes(StandardCharsets.UTF_8);

    private final NotificationPoster poster = TestPosters.poster();

    @Test
    void aTwoHundredIsDeliveredWithTheNotificationsIdInItsHeaders() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.answering(204, "")) {
            poster.post(receiver.url("/hook"), NOTIFICATION, Map.of("X-Extra", "yes"), BODY);

            HttpReceiver.Received request = receiver.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("Idempotency-Key")).isEqualTo(NOTIFICATION.id().toString());
            assertThat(request.header("X-Atoll-Notification-Id")).isEqualTo(NOTIFICATION.id().toString());
            assertThat(request.header("X-Atoll-Notification-Attempt")).isEqualTo("1");
            assertThat(request.header("X-Extra")).isEqualTo("yes");
            assertThat(request.body()).isEqualTo(BODY);
        }
    }

    @Test
    void aServerErrorIsRetryableAndNamedWithItsFirstLine() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.answering(500, "upstream exploded\nstack trace line 1\nline 2")) {
            NotificationFailedException failure = failureOf(receiver.url("/hook"));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).isEqualTo("HTTP 500 from 127.0.0.1:" + receiver.url("/").getPort() + ": upstream exploded");
        }
    }

    @Test
    void aBadRequestIsNotRetryable() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.answering(400, "invalid_payload")) {
            NotificationFailedException failure = failureOf(receiver.url("/hook"));

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("HTTP 400", "invalid_payload");
        }
    }

    @Test
    void tooManyRequestsAndRequestTimeoutAreRetryable() throws Exception {
        for (int status : new int[] {408, 429, 502, 503}) {
            try (HttpReceiver receiver = HttpReceiver.answering(status, "later")) {
                assertThat(failureOf(receiver.url("/hook")).retryable()).as("HTTP %d", status).isTrue();
            }
        }
    }

    @Test
    void otherClientErrorsAreNotRetryable() throws Exception {
        for (int status : new int[] {401, 403, 404, 410, 422}) {
            try (HttpReceiver receiver = HttpReceiver.answering(status, "no")) {
                assertThat(failureOf(receiver.url("/hook")).retryable()).as("HTTP %d", status).isFalse();
            }
        }
    }

    @Test
    void aRefusalThatSaysWhenToComeBackIsRetryable() throws Exception {
        try (HttpReceiver rateLimited = HttpReceiver.answering(403, "{\"message\":\"API rate limit exceeded\"}", Map.of("X-RateLimit-Remaining", "0"));
             HttpReceiver slowDown = HttpReceiver.answering(403, "secondary rate limit", Map.of("Retry-After", "60"))) {
            assertThat(failureOf(rateLimited.url("/hook")).retryable()).isTrue();
            assertThat(failureOf(slowDown.url("/hook")).retryable()).isTrue();
        }
    }

    @Test
    void aRedirectIsNotFollowedAndNotRetried() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.answering(302, "", Map.of("Location", "http://127.0.0.1:1/elsewhere"))) {
            NotificationFailedException failure = failureOf(receiver.url("/hook"));

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).isEqualTo("HTTP 302 from 127.0.0.1:" + receiver.url("/").getPort() + ": (empty body)");
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsARetryableTimeout() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.silent()) {
            long start = System.nanoTime();
            NotificationFailedException failure = failureOf(receiver.url("/hook"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.getMessage()).isEqualTo("127.0.0.1:" + receiver.url("/").getPort() + " did not answer within 700 ms");
            assertThat(took).isBetween(TestPosters.REQUEST_TIMEOUT, TestPosters.REQUEST_TIMEOUT.plusSeconds(2));
        }
    }

    @Test
    void aReceiverThatIsNotThereIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        NotificationFailedException failure = failureOf(URI.create("http://127.0.0.1:" + closedPort + "/hook"));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("could not reach 127.0.0.1:" + closedPort + ": java.net.ConnectException");
    }

    @Test
    void aLongFirstLineIsCutForTheRecord() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.answering(503, "x".repeat(100_000))) {
            NotificationFailedException failure = failureOf(receiver.url("/hook"));

            assertThat(failure.getMessage()).endsWith(": " + "x".repeat(200) + "…");
        }
    }

    @Test
    void recordedAddressesLeaveOutWhatMayBeACredential() {
        URI url = URI.create("https://user:pass@hooks.example.com:8443/in/T000/B000/XXXX?token=abc");

        assertThat(NotificationPoster.withoutCredentials(url)).isEqualTo("https://hooks.example.com:8443/in/T000/B000/XXXX");
        assertThat(NotificationPoster.origin(url)).isEqualTo("https://hooks.example.com:8443");
    }

    private NotificationFailedException failureOf(URI url) {
        NotificationFailedException failure = catchThrowableOfType(NotificationFailedException.class,
                () -> poster.post(url, NOTIFICATION, Map.of(), BODY));
        assertThat(failure).as("a failure posting to %s", url).isNotNull();
        return failure;
    }
}
