package io.atoll.cell.storage.domain.catalogue;

import io.atoll.cell.storage.domain.Page;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Browsing the catalogue. */
public final class CatalogueService {
    private final Catalogue catalogue;

    public CatalogueService(Catalogue catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
    }

    public Page<Item> activeItems(Optional<String> afterSku, int limit) {
        return Page.of(catalogue.activeItems(afterSku, limit + 1), limit, Item::sku);
    }
}
