package io.atoll.cell.storage.domain.order;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/** One line of an order, with the item's name, price and weight as they were when the order was placed. */
public record OrderLine(String sku, String name, int quantity, BigDecimal unitPrice, int unitWeightGrams) {
    public OrderLine {
        requireNonNull(sku, "sku is null");
        requireNonNull(name, "name is null");
        requireNonNull(unitPrice, "unitPrice is null");
    }

    public BigDecimal linePrice() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public long lineWeightGrams() {
        return (long) unitWeightGrams * quantity;
    }
}
