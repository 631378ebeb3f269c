package io.atoll.cell.storage.api.catalogue;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.Page;
import io.atoll.cell.storage.domain.catalogue.CatalogueService;
import io.atoll.cell.storage.domain.catalogue.Item;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The catalogue's active items. */
@Controller("/storage/v1/items")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Scopes.READ)
class ItemController {
    private final CatalogueService catalogue;

    ItemController(CatalogueService catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
    }

    @Get
    ItemList list(@QueryValue(defaultValue = "50") @Min(1) @Max(200) int limit,
                  @QueryValue @Nullable @Size(max = 40) String after) {
        Page<Item> page = catalogue.activeItems(Optional.ofNullable(after), limit);
        return new ItemList(page.entries().stream().map(ItemView::of).toList(), page.next().orElse(null));
    }
}
