package io.atoll.cell.storage.domain.order;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of a placement request.
 *
 * @param created true for the request that placed the order, false for each retry that found it
 */
public record Placement(Order order, boolean created) {
    public Placement {
        requireNonNull(order, "order is null");
    }
}
