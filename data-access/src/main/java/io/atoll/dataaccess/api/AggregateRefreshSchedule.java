package io.atoll.dataaccess.api;

import io.atoll.dataaccess.config.AuditSettings;
import io.atoll.dataaccess.config.CellDatabaseSettings;
import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.store.AggregateRefresher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;

/**
 * Refreshes every cell's team aggregates every {@code atoll.data-access.aggregates.refresh-interval}; a team refreshes
 * one at once with its own refresh function. Counted in {@code atoll_data_access_aggregates_refreshes_total{cell,outcome}}.
 */
@Singleton
final class AggregateRefreshSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(AggregateRefreshSchedule.class);

    private final List<CellDatabaseSettings> cells;
    private final List<String> functions;
    private final MeterRegistry meters;

    AggregateRefreshSchedule(List<CellDatabaseSettings> cells, AuditSettings settings, MeterRegistry meters) {
        this.cells = List.copyOf(cells);
        this.functions = Scopes.load(settings.scopes()).teams().stream()
                .flatMap(team -> team.aggregates().stream().map(aggregate -> PostgresScopeCompiler.refreshFunction(team, aggregate)))
                .toList();
        this.meters = meters;
    }

    @Scheduled(initialDelay = "${atoll.data-access.aggregates.refresh-interval}",
            fixedDelay = "${atoll.data-access.aggregates.refresh-interval}")
    void refresh() {
        for (CellDatabaseSettings cell : cells) {
            String outcome = "refreshed";
            try {
                new AggregateRefresher(cell.url(), cell.username(), cell.password()).refresh(functions);
            } catch (SQLException e) {
                outcome = "failed";
                LOG.atWarn().addKeyValue("cell", cell.cell()).log("refreshing the aggregates of {} failed: {}", cell.cell(), e.getMessage());
            }
            Counter.builder("atoll.data-access.aggregates.refreshes").description("Scheduled refreshes of a cell's team aggregates")
                    .tag("cell", cell.cell()).tag("outcome", outcome).register(meters).increment();
        }
    }
}
