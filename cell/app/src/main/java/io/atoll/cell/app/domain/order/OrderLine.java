package io.atoll.cell.app.domain.order;

import static java.util.Objects.requireNonNull;

/** One line of a placed order, with the item's name, price and weight as they were when it was placed. */
public record OrderLine(String sku, String name, int quantity, String unitPrice, int unitWeightGrams) {
    public OrderLine {
        requireNonNull(sku, "sku is null");
        requireNonNull(name, "name is null");
        requireNonNull(unitPrice, "unitPrice is null");
    }
}
