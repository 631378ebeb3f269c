package io.atoll.cell.storage.domain.order;

import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A position in a member's orders, newest first: the next page holds the orders placed before it. The id breaks
 * ties between orders placed in the same microsecond.
 */
public record OrderCursor(Instant placedAt, UUID orderId) {
    public OrderCursor {
        requireNonNull(placedAt, "placedAt is null");
        requireNonNull(orderId, "orderId is null");
    }

    public static OrderCursor after(Order order) {
        return new OrderCursor(order.placedAt(), order.id());
    }

    /** The cursor as clients carry it: opaque, URL-safe. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((placedAt + "/" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    public static OrderCursor decode(String encoded) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int slash = text.indexOf('/');
            return new OrderCursor(Instant.parse(text.substring(0, slash)), UUID.fromString(text.substring(slash + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            throw new RefusedException(Refusal.BAD_REQUEST, "Invalid cursor", "The cursor was not issued by this service.");
        }
    }
}
