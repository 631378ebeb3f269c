package io.atoll.cell.app.api.item;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.item.ItemCatalog;
import io.atoll.cell.app.domain.item.ItemPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The items members can order, active ones only, in sku order. */
@Controller("/v1/items")
@ExecuteOn(TaskExecutors.BLOCKING)
class ItemController {
    static final int MAX_LIMIT = 200;

    private final ItemCatalog catalog;

    ItemController(ItemCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** {@code next} in the answer is the {@code after} of the next page. */
    @Get
    ItemPage items(Caller caller, @QueryValue(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit,
                   @Nullable @QueryValue @Size(max = 128) String after) {
        return catalog.active(limit, Optional.ofNullable(after));
    }
}
