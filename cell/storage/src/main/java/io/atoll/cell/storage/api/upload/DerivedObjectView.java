package io.atoll.cell.storage.api.upload;

import io.micronaut.serde.annotation.Serdeable;

/** Where a derived object was stored in the uploads bucket. */
@Serdeable
public record DerivedObjectView(String key) {
}
