package io.atoll.cell.app.domain.order;

import static java.util.Objects.requireNonNull;

/**
 * The order an idempotency key stands for.
 *
 * @param created whether this request placed it, rather than repeating the request that did
 */
public record PlacedOrder(Order order, boolean created) {
    public PlacedOrder {
        requireNonNull(order, "order is null");
    }
}
