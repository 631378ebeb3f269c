package io.atoll.cell.storage.domain.catalogue;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * An item of the catalogue.
 *
 * @param price the price of one, in {@code currency}
 * @param active false once the sales team retired it: it can no longer be ordered
 */
public record Item(String sku, String name, int weightGrams, BigDecimal price, String currency, boolean active) {
    public Item {
        requireNonNull(sku, "sku is null");
        requireNonNull(name, "name is null");
        requireNonNull(price, "price is null");
        requireNonNull(currency, "currency is null");
    }
}
