package io.atoll.router.health;

import io.atoll.router.domain.Cell;
import io.atoll.router.domain.CellHealth;
import io.atoll.router.domain.CellHealthBoard;
import io.atoll.router.domain.CellRegistry;
import io.atoll.router.domain.CellSelector;
import io.atoll.router.domain.CurrentRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges of each listed cell's state, for alerts: {@code atoll_router_cell_routable},
 * {@code atoll_router_cell_ejected}, {@code atoll_router_cell_drained} (1 or 0) and
 * {@code atoll_router_cell_probe_rtt_seconds}. A cell's gauges come and go with it in the registry.
 */
@Singleton
final class CellGauges {
    private final MeterRegistry meters;
    private final CurrentRegistry registry;
    private final CellHealthBoard health;
    private final CellSelector selector;
    private final Map<String, List<Meter>> gaugesByCell = new ConcurrentHashMap<>();

    CellGauges(MeterRegistry meters, CurrentRegistry registry, CellHealthBoard health, CellSelector selector) {
        this.meters = meters;
        this.registry = registry;
        this.health = health;
        this.selector = selector;
    }

    void track(CellRegistry cells) {
        List<String> ids = cells.cells().stream().map(Cell::id).toList();
        gaugesByCell.keySet().stream().filter(id -> !ids.contains(id)).toList()
                .forEach(gone -> gaugesByCell.remove(gone).forEach(meters::remove));
        ids.forEach(id -> gaugesByCell.computeIfAbsent(id, this::register));
    }

    private List<Meter> register(String cellId) {
        return List.of(
                gauge("atoll.router.cell.routable", "Whether requests may go to the cell", cellId,
                        cell -> !selector.isDrained(cell) && health.of(cell.id()).isRoutable(System.nanoTime()) ? 1 : 0),
                gauge("atoll.router.cell.ejected", "Whether outlier detection keeps the cell out", cellId,
                        cell -> health.of(cell.id()).isEjected(System.nanoTime()) ? 1 : 0),
                gauge("atoll.router.cell.drained", "Whether the cell is drained, by an operator or the registry", cellId,
                        cell -> selector.isDrained(cell) ? 1 : 0),
                gauge("atoll.router.cell.probe.rtt.seconds", "Smoothed round-trip time of the readiness probes", cellId,
                        cell -> health.of(cell.id()).rttMillis().orElse(Double.NaN) / 1000));
    }

    private Meter gauge(String name, String description, String cellId, ToDoubleFunction<Cell> value) {
        return Gauge.builder(name, () -> cell(cellId).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tag("cell", cellId).register(meters);
    }

    private Optional<Cell> cell(String cellId) {
        return registry.get().cell(cellId);
    }
}
