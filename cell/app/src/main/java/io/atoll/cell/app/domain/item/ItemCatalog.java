package io.atoll.cell.app.domain.item;

import java.util.Optional;

/** The items of the cell's catalogue, as storage keeps them. */
public interface ItemCatalog {
    /** Up to {@code limit} active items with a sku after {@code after}, in sku order. */
    ItemPage active(int limit, Optional<String> after);
}
