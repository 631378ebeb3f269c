package io.atoll.cell.storage.domain.order;

import static java.util.Objects.requireNonNull;

/** One line of a placement request: so many of an item. */
public record RequestedLine(String sku, int quantity) {
    public RequestedLine {
        requireNonNull(sku, "sku is null");
    }
}
