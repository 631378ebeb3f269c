package io.atoll.cell.storage.api.catalogue;

import io.atoll.cell.storage.domain.catalogue.Item;
import io.micronaut.serde.annotation.Serdeable;

/** An item as the API shows it; the price is a decimal string, so no client reads it through a float. */
@Serdeable
public record ItemView(String sku, String name, int weightGrams, String price, String currency, boolean active) {
    public static ItemView of(Item item) {
        return new ItemView(item.sku(), item.name(), item.weightGrams(), item.price().toPlainString(), item.currency(), item.active());
    }
}
