package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.atoll.cell.workers.notify.support.Completions;
import io.atoll.cell.workers.notify.support.HttpReceiver;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackChannelTest {
    @Test
    void postsAMessageInSlacksShapeToTheWebhook() throws Exception {
        Completion completion = Completions.photo("3 thumbnails; 4032×3024 JPEG");
        Notification notification = Completions.notificationOf(completion);
        try (HttpReceiver slack = HttpReceiver.answering(200, "ok")) {
            channel(slack.url("/services/T000/B000/XXXXXXXX")).send(notification);

            HttpReceiver.Received request = slack.only();
            assertThat(request.path()).isEqualTo("/services/T000/B000/XXXXXXXX");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            Map<String, Object> message = TestPosters.parsed(request.body());
            assertThat((String) message.get("text"))
                    .contains("Photo request succeeded", "eu-west-1", "3 thumbnails; 4032×3024 JPEG", notification.id().toString());
            List<Object> blockTypes = ((List<?>) message.get("blocks")).stream().<Object>map(block -> ((Map<?, ?>) block).get("type")).toList();
            assertThat(blockTypes).containsExactly("header", "section", "section", "context");
        }
    }

    @Test
    void slacksRefusalIsNotRetriedButItsOutageIs() throws Exception {
        Notification notification = Completions.notificationOf(Completions.photo("x"));
        try (HttpReceiver gone = HttpReceiver.answering(404, "no_service");
             HttpReceiver down = HttpReceiver.answering(503, "service unavailable")) {
            assertThatThrownBy(() -> channel(gone.url("/services/T/B/X")).send(notification))
                    .isInstanceOfSatisfying(NotificationFailedException.class, failure -> {
                        assertThat(failure.retryable()).isFalse();
                        assertThat(failure.getMessage()).endsWith("HTTP 404 from 127.0.0.1:" + gone.url("/").getPort() + ": no_service");
                    });
            assertThatThrownBy(() -> channel(down.url("/services/T/B/X")).send(notification))
                    .isInstanceOfSatisfying(NotificationFailedException.class, failure -> assertThat(failure.retryable()).isTrue());
        }
    }

    @Test
    void recordsOnlyTheWebhooksHostBecauseItsPathIsTheCredential() {
        SlackChannel channel = channel(URI.create("https://hooks.slack.com/services/T000/B000/XXXXXXXX"));
        Completion completion = Completions.photo("x");

        assertThat(channel.name()).isEqualTo("slack");
        assertThat(channel.appliesTo(completion)).isTrue();
        assertThat(channel.appliesTo(Completions.repositoryScan("failed", List.of()))).isTrue();
        assertThat(channel.target(completion)).isEqualTo("https://hooks.slack.com");
    }

    private static SlackChannel channel(URI url) {
        return new SlackChannel(new SlackSettings(url), TestPosters.poster());
    }
}
