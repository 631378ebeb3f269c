package io.atoll.cell.storage.domain.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The items as the database holds them. */
public interface Catalogue {
    /** Active items in sku order, after {@code afterSku} when given, at most {@code limit}. */
    List<Item> activeItems(Optional<String> afterSku, int limit);

    /** The items of these skus that exist, active or retired, by sku. */
    Map<String, Item> findAll(Collection<String> skus);
}
