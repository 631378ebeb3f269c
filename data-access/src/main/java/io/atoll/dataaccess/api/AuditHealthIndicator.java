package io.atoll.dataaccess.api;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Down while a cell's last audit failed (its database unreachable, say); each cell's last audit in the details. */
@Singleton
final class AuditHealthIndicator extends AbstractHealthIndicator<Map<String, CellAuditReport>> {
    private final CellAudits audits;

    AuditHealthIndicator(CellAudits audits) {
        this.audits = audits;
    }

    @Override
    protected Map<String, CellAuditReport> getHealthInformation() {
        List<CellAuditReport> reports = audits.lastReports();
        healthStatus = reports.stream().anyMatch(CellAuditReport::didFail) ? HealthStatus.DOWN : HealthStatus.UP;
        return reports.stream().collect(Collectors.toMap(CellAuditReport::cell, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    @Override
    protected String getName() {
        return "drift-audit";
    }
}
