package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.notify.support.Completions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlackMessageTest {
    @Test
    void namesTheRequestItsStatusHeadlineCellAndTheNotification() {
        Notification notification = Completions.notificationOf(Completions.repositoryScan("partial", List.of()));

        SlackMessage message = SlackMessage.of(notification);

        assertThat(message.text()).isEqualTo("Repository scan request partial in us-east-1: 0 secrets in 12 directories"
                + " (notification " + notification.id() + ")");
        assertThat(message.blocks().get(0)).isEqualTo(Map.of("type", "header",
                "text", Map.of("type", "plain_text", "emoji", true, "text", ":warning: Repository scan request partial")));
        assertThat(message.blocks().get(1)).isEqualTo(Map.of("type", "section",
                "text", Map.of("type", "mrkdwn", "text", "0 secrets in 12 directories")));
        assertThat(message.blocks().get(2)).isEqualTo(Map.of("type", "section", "fields", List.of(
                Map.of("type", "mrkdwn", "text", "*Request kind*\nrepository-scan"),
                Map.of("type", "mrkdwn", "text", "*Status*\npartial"),
                Map.of("type", "mrkdwn", "text", "*Cell*\nus-east-1"),
                Map.of("type", "mrkdwn", "text", "*Request*\n`" + notification.completion().requestId() + "`"))));
        assertThat(message.blocks().get(3)).isEqualTo(Map.of("type", "context", "elements", List.of(
                Map.of("type", "mrkdwn", "text", "Notification `" + notification.id() + "`, attempt 1, completed 2026-12-05T11:00:00Z"))));
    }

    @Test
    void statusesShowAsTheirEmoji() {
        assertThat(headerOf(Completions.photo("ok"))).startsWith(":white_check_mark: Photo request succeeded");
        assertThat(headerOf(Completions.repositoryScan("failed", List.of()))).startsWith(":x: Repository scan request failed");
    }

    @Test
    void markupInAHeadlineIsEscapedSoThatItCannotMentionOrLink() {
        SlackMessage message = SlackMessage.of(Completions.notificationOf(Completions.photo("<!channel> & <https://evil.example|click>")));

        assertThat(message.text()).contains("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;").doesNotContain("<!channel>");
        assertThat(message.blocks().get(1).get("text")).isEqualTo(Map.of("type", "mrkdwn",
                "text", "&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;"));
    }

    @Test
    void aLongHeadlineIsCutToWhatSlackAccepts() {
        SlackMessage message = SlackMessage.of(Completions.notificationOf(Completions.photo("é".repeat(5000))));

        String section = (String) ((Map<?, ?>) message.blocks().get(1).get("text")).get("text");
        assertThat(section).hasSize(SlackMessage.SECTION_LIMIT).endsWith("é…");
    }

    @Test
    void kindsReadAsWords() {
        assertThat(SlackMessage.describedKind("repository-scan")).isEqualTo("Repository scan");
        assertThat(SlackMessage.describedKind("noop")).isEqualTo("Noop");
    }

    private static String headerOf(Completion completion) {
        return (String) ((Map<?, ?>) SlackMessage.of(Completions.notificationOf(completion)).blocks().get(0).get("text")).get("text");
    }
}
