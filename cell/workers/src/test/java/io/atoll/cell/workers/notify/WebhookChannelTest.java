package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.atoll.cell.workers.notify.WebhookSignature.Verification;
import io.atoll.cell.workers.notify.support.Completions;
import io.atoll.cell.workers.notify.support.HttpReceiver;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookChannelTest {
    private static final String SECRET = "a-secret-shared-with-the-receiver-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-05T10:20:00Z");

    @Test
    void postsTheCompletionSignedSoThatTheReceiverCanVerifyIt() throws Exception {
        Completion completion = Completions.photo("3 thumbnails; 4032×3024 JPEG");
        Notification notification = Completions.notificationOf(completion);
        try (HttpReceiver receiver = HttpReceiver.answering(200, "ok")) {
            channel(receiver.url("/atoll/completions")).send(notification);

            HttpReceiver.Received request = receiver.only();
            assertThat(request.path()).isEqualTo("/atoll/completions");
            assertThat(request.header("Idempotency-Key")).isEqualTo(notification.id().toString());
            String signature = request.header("X-Atoll-Signature");
            assertThat(signature).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
            assertThat(WebhookSignature.verify(SECRET, signature, request.body(), NOW.plusSeconds(2), Duration.ofMinutes(5)))
                    .isEqualTo(Verification.VALID);
            assertThat(WebhookSignature.verify("not-the-secret", signature, request.body(), NOW, Duration.ofMinutes(5)))
                    .isEqualTo(Verification.MISMATCH);

            Map<String, Object> body = TestPosters.parsed(request.body());
            assertThat(body).containsEntry("type", "job.completed")
                    .containsEntry("notificationId", notification.id().toString())
                    .containsEntry("attempt", 1)
                    .containsEntry("requestId", completion.requestId().toString())
                    .containsEntry("cell", "eu-west-1")
                    .containsEntry("kind", "photo")
                    .containsEntry("memberId", "member-7")
                    .containsEntry("subjectId", "upload-42")
                    .containsEntry("status", "succeeded")
                    .containsEntry("headline", "3 thumbnails; 4032×3024 JPEG")
                    .containsEntry("spec", Map.of("uploadId", "upload-42", "contentType", "image/jpeg"))
                    .containsEntry("summary", Map.of("thumbnails", 3, "format", "jpeg"))
                    .containsEntry("completedAt", "2026-12-05T10:15:30Z");
        }
    }

    @Test
    void fieldsWithoutAValueAreSentAsNull() throws Exception {
        Completion scan = Completions.repositoryScan("succeeded", java.util.List.of());
        try (HttpReceiver receiver = HttpReceiver.answering(202, "")) {
            channel(receiver.url("/")).send(Completions.notificationOf(scan));

            assertThat(TestPosters.parsed(receiver.only().body())).containsEntry("memberId", null);
        }
    }

    @Test
    void aReceiverErrorIsReportedAsTheChannelsFailure() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.answering(401, "signature refused")) {
            assertThatThrownBy(() -> channel(receiver.url("/")).send(Completions.notificationOf(Completions.photo("x"))))
                    .isInstanceOfSatisfying(NotificationFailedException.class, failure -> {
                        assertThat(failure.retryable()).isFalse();
                        assertThat(failure.getMessage()).contains("HTTP 401", "signature refused");
                    });
        }
    }

    @Test
    void appliesToEveryCompletionAndRecordsItsAddressWithoutTheQuery() {
        WebhookChannel channel = channel(URI.create("https://hooks.example.com/atoll?key=secret"));
        Completion completion = Completions.photo("x");

        assertThat(channel.name()).isEqualTo("webhook");
        assertThat(channel.appliesTo(completion)).isTrue();
        assertThat(channel.target(completion)).isEqualTo("https://hooks.example.com/atoll");
    }

    private static WebhookChannel channel(URI url) {
        return new WebhookChannel(new WebhookSettings(url, SECRET), TestPosters.poster(), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
