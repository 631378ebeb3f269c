package io.atoll.cell.app.domain.item;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Active items in sku order.
 *
 * @param next the sku to continue after, when there are more
 */
public record ItemPage(List<Item> items, Optional<String> next) {
    public ItemPage {
        items = List.copyOf(items);
        requireNonNull(next, "next is null");
    }
}
