package io.atoll.router.api;

import io.atoll.router.config.RegistrySettings;
import io.atoll.router.domain.Cell;
import io.atoll.router.domain.CellHealth;
import io.atoll.router.domain.CellHealthBoard;
import io.atoll.router.domain.CellSelector;
import io.atoll.router.domain.CellState;
import io.atoll.router.domain.CurrentRegistry;
import io.atoll.router.domain.OperatorDrains;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the admin API's picture of the cells from the router's state. */
@Singleton
final class CellViews {
    private final CurrentRegistry registry;
    private final RegistrySettings registrySettings;
    private final CellHealthBoard health;
    private final OperatorDrains drains;
    private final CellSelector selector;
    private final TrafficRates rates;

    CellViews(CurrentRegistry registry, RegistrySettings registrySettings, CellHealthBoard health, OperatorDrains drains,
              CellSelector selector, TrafficRates rates) {
        this.registry = registry;
        this.registrySettings = registrySettings;
        this.health = health;
        this.drains = drains;
        this.selector = selector;
        this.rates = rates;
    }

    CellsView all() {
        var rejection = registry.lastRejection();
        RegistryView registryView = new RegistryView(registrySettings.file().toAbsolutePath().toString(), registry.loadedAt(),
                rejection.map(CurrentRegistry.Rejection::reason).orElse(null), rejection.map(CurrentRegistry.Rejection::at).orElse(null));
        long now = System.nanoTime();
        return new CellsView(registryView, registry.get().cells().stream().map(cell -> view(cell, now)).toList());
    }

    CellView view(Cell cell) {
        return view(cell, System.nanoTime());
    }

    private CellView view(Cell cell, long now) {
        CellHealth cellHealth = health.of(cell.id());
        List<String> drainedBy = new ArrayList<>(2);
        if (drains.isDrained(cell.id())) {
            drainedBy.add("operator");
        }
        if (cell.state() == CellState.DRAINING) {
            drainedBy.add("registry");
        }
        TrafficRates.Rate rate = rates.of(cell.id());
        return new CellView(cell.id(), cell.region(), cell.ingressUrl().toString(), cell.state().value(), drainedBy,
                cellHealth.readiness().name(), cellHealth.lastProbeFailure().orElse(null),
                cellHealth.ejectionRemaining(now).map(Duration::toMillis).orElse(null),
                cellHealth.rttMillis().isPresent() ? cellHealth.rttMillis().getAsDouble() : null,
                !selector.isDrained(cell) && cellHealth.isRoutable(now), rate.requestsPerSecond(), rate.errorRate());
    }
}
