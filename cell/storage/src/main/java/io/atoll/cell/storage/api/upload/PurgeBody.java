package io.atoll.cell.storage.api.upload;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** @param limit the most uploads one call purges */
@Serdeable
public record PurgeBody(@NotNull @Min(1) @Max(1000) Integer limit) {
    static final int DEFAULT_LIMIT = 100;
}
