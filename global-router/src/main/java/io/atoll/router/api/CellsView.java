package io.atoll.router.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every cell and the registry they come from. */
@Serdeable
public record CellsView(RegistryView registry, List<CellView> cells) {
}
