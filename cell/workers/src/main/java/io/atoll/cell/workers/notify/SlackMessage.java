package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A completion as a Slack incoming-webhook message: {@code text} (what notifications and old clients show) and
 * Block Kit {@code blocks} (a header, the headline, the facts, and the notification's id for finding retries).
 */
@Serdeable
record SlackMessage(String text, List<Map<String, Object>> blocks) {
    /** Slack refuses a header block's text above this many characters. */
    static final int HEADER_LIMIT = 150;
    /** Slack refuses a section's text above this many characters. */
    static final int SECTION_LIMIT = 3000;

    SlackMessage {
        requireNonNull(text, "text is null");
        blocks = List.copyOf(blocks);
    }

    static SlackMessage of(Notification notification) {
        Completion completion = notification.completion();
        String title = describedKind(completion.kind()) + " request " + completion.status();
        String text = escaped(title + " in " + completion.cell() + ": " + completion.headline()
                + " (notification " + notification.id() + ")");
        return new SlackMessage(text, List.of(
                Map.of("type", "header",
                        "text", Map.of("type", "plain_text", "emoji", true,
                                "text", TextLimits.shortened(emoji(completion.status()) + " " + title, HEADER_LIMIT))),
                Map.of("type", "section",
                        "text", mrkdwn(TextLimits.shortened(escaped(completion.headline()), SECTION_LIMIT))),
                Map.of("type", "section",
                        "fields", List.of(
                                mrkdwn("*Request kind*\n" + escaped(completion.kind())),
                                mrkdwn("*Status*\n" + escaped(completion.status())),
                                mrkdwn("*Cell*\n" + escaped(completion.cell())),
                                mrkdwn("*Request*\n`" + completion.requestId() + "`"))),
                Map.of("type", "context",
                        "elements", List.of(mrkdwn("Notification `" + notification.id() + "`, attempt " + notification.attempt()
                                + ", completed " + completion.completedAt())))));
    }

    /** "repository-scan" as a person writes it at the start of a sentence: "Repository scan". */
    static String describedKind(String kind) {
        String words = kind.replace('-', ' ').strip();
        return words.isEmpty() ? "Job" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Slack reads &lt;, &gt; and &amp; as markup; everything that is not ours is escaped. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String emoji(String status) {
        return switch (status) {
            case "succeeded" -> ":white_check_mark:";
            case "partial" -> ":warning:";
            default -> ":x:";
        };
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }
}
