package io.atoll.cell.app.domain.order;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A member's orders, newest first.
 *
 * @param next the cursor for older orders, when there are more
 */
public record OrderPage(List<Order> orders, Optional<String> next) {
    public OrderPage {
        orders = List.copyOf(orders);
        requireNonNull(next, "next is null");
    }
}
