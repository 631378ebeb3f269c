package io.atoll.cell.app.domain.item;

import static java.util.Objects.requireNonNull;

/**
 * An item members can order.
 *
 * @param price the unit price as a decimal string (e.g. {@code 12.50}), exact as storage keeps it
 */
public record Item(String sku, String name, int weightGrams, String price, String currency, boolean active) {
    public Item {
        requireNonNull(sku, "sku is null");
        requireNonNull(name, "name is null");
        requireNonNull(price, "price is null");
        requireNonNull(currency, "currency is null");
    }
}
