package io.atoll.cell.storage.api.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of active items; {@code next} is the {@code after} of the following page, null on the last. */
@Serdeable
public record ItemList(List<ItemView> items, @Nullable String next) {
}
