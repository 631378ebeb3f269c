package io.atoll.devstack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Dead letters for people (tables and blocks of text) and for programs (JSON). */
final class DeadLetterView {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final String DEPTH_ROW = "%-24s %-8s %-29s %s%n";

    private DeadLetterView() {
    }

    /** Each workers queue with its depth and its dead-letter queue's; {@code -} where a queue does not exist. */
    static String depths(List<DeadLetters.Depth> depths) {
        StringBuilder table = new StringBuilder(String.format(DEPTH_ROW, "QUEUE", "QUEUED", "DEAD-LETTER QUEUE", "DEAD LETTERS"));
        for (DeadLetters.Depth depth : depths) {
            table.append(String.format(DEPTH_ROW, depth.queue(), count(depth.queued()), depth.deadLetterQueue(), count(depth.dead())));
        }
        return table.toString();
    }

    static String depthsJson(List<DeadLetters.Depth> depths) {
        return json(depths.stream().map(depth -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("queue", depth.queue());
            entry.put("queued", depth.queued().isPresent() ? depth.queued().getAsLong() : null);
            entry.put("deadLetterQueue", depth.deadLetterQueue());
            entry.put("deadLetters", depth.dead().isPresent() ? depth.dead().getAsLong() : null);
            return entry;
        }).toList());
    }

    /** Each dead letter as a block: which, why and when, whence, its headers and the start of its body. */
    static String letters(String queue, List<DeadLetter> letters) {
        StringBuilder text = new StringBuilder();
        text.append(DeadLetters.deadLetterQueue(queue)).append(": ").append(letters.isEmpty() ? "no dead letters" : "the first " + letters.size())
                .append('\n');
        for (DeadLetter letter : letters) {
            text.append('\n');
            field(text, "message", letter.messageId().orElse("(no message id)"));
            field(text, "died", why(letter));
            field(text, "sent to", letter.routingKey());
            field(text, "headers", compact(letter.headers()));
            field(text, "body", letter.bodyBytes() + " bytes" + letter.contentType().map(type -> ", " + type).orElse("")
                    + (letter.bodyBase64() ? ", not text: Base64" : "")
                    + (letter.bodyTruncated() ? ", the first " + DeadLetter.PREVIEW_BYTES + " shown" : ""));
            if (!letter.body().isEmpty()) {
                text.append(letter.body().stripTrailing().indent(2));
            }
        }
        return text.toString();
    }

    static String lettersJson(List<DeadLetter> letters) {
        return json(letters.stream().map(DeadLetterView::jsonOf).toList());
    }

    /** One replayed dead letter, a line. */
    static String replayed(String queue, DeadLetter letter) {
        return "replayed " + letter.messageId().orElse("(no message id)") + " to " + queue + " (it had died: " + why(letter) + ")";
    }

    private static Map<String, Object> jsonOf(DeadLetter letter) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("messageId", letter.messageId().orElse(null));
        entry.put("reason", letter.reason());
        entry.put("count", letter.count());
        entry.put("time", letter.time().map(Object::toString).orElse(null));
        entry.put("queue", letter.queue());
        entry.put("routingKey", letter.routingKey());
        entry.put("headers", letter.headers());
        entry.put("contentType", letter.contentType().orElse(null));
        entry.put("bodyBytes", letter.bodyBytes());
        entry.put("bodyTruncated", letter.bodyTruncated());
        entry.put("bodyEncoding", letter.bodyBase64() ? "base64" : "utf-8");
        entry.put("body", letter.body());
        return entry;
    }

    private static String why(DeadLetter letter) {
        return letter.reason() + " in " + letter.queue() + (letter.count() == 1 ? " once" : " " + letter.count() + " times")
                + letter.time().map(time -> ", last at " + time).orElse("");
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(String.format("%-8s %s%n", name, value));
    }

    private static String count(OptionalLong count) {
        return count.isPresent() ? Long.toString(count.getAsLong()) : "-";
    }

    private static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers are not serialisable", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letters are not serialisable", e);
        }
    }
}
