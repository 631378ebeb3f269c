package io.atoll.cell.storage.domain.order;

import io.atoll.cell.storage.domain.TimeCursor;

import java.time.Instant;
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
        return new TimeCursor(placedAt, orderId).encode();
    }

    public static OrderCursor decode(String encoded) {
        TimeCursor cursor = TimeCursor.decode(encoded);
        return new OrderCursor(cursor.at(), cursor.id());
    }
}
