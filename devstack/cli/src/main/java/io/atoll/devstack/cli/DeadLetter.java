package io.atoll.devstack.cli;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A message in a dead-letter queue, as an operator needs to see it: which it is, why and when the broker dead-lettered
 * it (its {@code x-death} header, the latest death first), where it had been sent, its other headers and the start of
 * its body.
 *
 * @param messageId its message id, when it has one
 * @param reason why it died the last time: {@code rejected}, {@code expired}, {@code maxlen} or {@code delivery_limit}
 * @param count how often it died that way in that queue
 * @param time when it died the last time
 * @param queue the queue it died in
 * @param routingKey the routing key it was first published with
 * @param headers its headers but {@code x-death}, as plain values (text, numbers, lists, maps), by name
 * @param contentType its content type, when it says
 * @param bodyBytes its body's size
 * @param body the start of its body ({@link #PREVIEW_BYTES} at most): text, or Base64 when it is not UTF-8
 * @param bodyBase64 whether {@code body} is Base64
 */
record DeadLetter(Optional<String> messageId, String reason, long count, Optional<Instant> time, String queue, String routingKey,
                  Map<String, Object> headers, Optional<String> contentType, int bodyBytes, String body, boolean bodyBase64) {
    static final int PREVIEW_BYTES = 2048;
    /** Where the broker keeps a message's deaths, the latest first. */
    static final String DEATHS = "x-death";

    DeadLetter {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(time, "time is null");
        requireNonNull(queue, "queue is null");
        requireNonNull(routingKey, "routingKey is null");
        headers = new LinkedHashMap<>(headers);
        requireNonNull(contentType, "contentType is null");
        requireNonNull(body, "body is null");
    }

    static DeadLetter of(GetResponse message) {
        AMQP.BasicProperties properties = message.getProps();
        Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        Map<?, ?> death = latestDeath(headers.get(DEATHS));
        Object routingKeys = death.get("routing-keys");
        String routingKey = routingKeys instanceof List<?> keys && !keys.isEmpty() ? String.valueOf(plain(keys.get(0)))
                : message.getEnvelope().getRoutingKey();
        // The broker's client keeps headers in no order: by name, the same message always looks the same.
        Map<String, Object> others = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (!name.equals(DEATHS)) {
                others.put(name, plain(value));
            }
        });
        byte[] body = message.getBody() == null ? new byte[0] : message.getBody();
        Optional<String> text = text(Arrays.copyOf(body, Math.min(body.length, PREVIEW_BYTES)), body.length > PREVIEW_BYTES);
        return new DeadLetter(Optional.ofNullable(properties.getMessageId()),
                death.containsKey("reason") ? String.valueOf(plain(death.get("reason"))) : "unknown",
                death.get("count") instanceof Number count ? count.longValue() : 0,
                death.get("time") instanceof Date time ? Optional.of(time.toInstant()) : Optional.empty(),
                death.containsKey("queue") ? String.valueOf(plain(death.get("queue"))) : "unknown",
                routingKey, others, Optional.ofNullable(properties.getContentType()), body.length,
                text.orElseGet(() -> Base64.getEncoder().encodeToString(Arrays.copyOf(body, Math.min(body.length, PREVIEW_BYTES)))),
                text.isEmpty());
    }

    boolean bodyTruncated() {
        return bodyBytes > PREVIEW_BYTES;
    }

    private static Map<?, ?> latestDeath(Object deaths) {
        return deaths instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> latest ? latest : Map.of();
    }

    /** An AMQP header value as JSON has it: the broker's long strings as text, timestamps as ISO instants, bytes as Base64. */
    static Object plain(Object value) {
        if (value instanceof LongString text) {
            return text.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>();
            list.forEach(item -> plain.add(plain(item)));
            return plain;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((key, item) -> plain.put(String.valueOf(key), plain(item)));
            return plain;
        }
        return value;
    }

    /** The bytes as UTF-8 text, allowing a character cut short at the end of a preview; none when they are not text. */
    private static Optional<String> text(byte[] bytes, boolean cut) {
        // A UTF-8 character has at most 4 bytes: a cut one leaves up to 3 of them at the end.
        for (int drop = 0; drop <= (cut ? Math.min(3, bytes.length) : 0); drop++) {
            try {
                CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, bytes.length - drop));
                return Optional.of(text.toString());
            } catch (CharacterCodingException notText) {
                // one byte fewer, if the preview may have cut a character
            }
        }
        return Optional.empty();
    }
}
