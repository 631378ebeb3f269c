package io.atoll.cell.app.domain.order;

import static java.util.Objects.requireNonNull;

/** An item and how many of it a member orders. */
public record RequestedLine(String sku, int quantity) {
    public RequestedLine {
        requireNonNull(sku, "sku is null");
    }
}
