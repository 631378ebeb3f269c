package io.atoll.dataaccess.domain.console;

import java.math.BigDecimal;

/** An item of the catalogue, as {@code sales.items} shows it. */
public record CatalogueItem(String sku, String name, int weightGrams, BigDecimal price, String currency, boolean active) {
}
