package io.atoll.cell.app.storage;

import io.atoll.cell.app.domain.item.ItemCatalog;
import io.atoll.cell.app.domain.item.ItemPage;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The catalogue through storage's {@code /storage/v1/items}. */
@Singleton
final class StorageItemCatalog implements ItemCatalog {
    private final StorageClient storage;

    StorageItemCatalog(StorageClient storage) {
        this.storage = requireNonNull(storage, "storage is null");
    }

    @Override
    public ItemPage active(int limit, Optional<String> after) {
        String path = "/storage/v1/items?limit=" + limit + after.map(sku -> "&after=" + StorageClient.query(sku)).orElse("");
        return storage.get(path, Optional.empty(), Argument.of(ItemPage.class)).body();
    }
}
