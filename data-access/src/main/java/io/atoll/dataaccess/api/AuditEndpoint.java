package io.atoll.dataaccess.api;

import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.annotation.Write;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An audit on demand ({@code POST /audit}, or {@code POST /audit/<cell>} for one cell) and the last ones
 * ({@code GET /audit}). A management endpoint, so that it is served on the management port only, never the public one.
 */
@Endpoint(id = "audit", defaultSensitive = false)
final class AuditEndpoint {
    private final CellAudits audits;

    AuditEndpoint(CellAudits audits) {
        this.audits = audits;
    }

    @Read
    AuditReport last() {
        return new AuditReport(audits.lastReports());
    }

    // An audit reads and may change a database: never on the event loop.
    @Write
    @ExecuteOn(TaskExecutors.BLOCKING)
    AuditReport auditAll() {
        return answer(audits.runAll());
    }

    @Write
    @ExecuteOn(TaskExecutors.BLOCKING)
    AuditReport audit(@Selector String cell) {
        return answer(List.of(audits.run(cell).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Unknown cell",
                "no database of cell '" + cell + "' is audited here; these are: " + String.join(", ", audits.cells())))));
    }

    private static AuditReport answer(List<CellAuditReport> reports) {
        List<CellAuditReport> failed = reports.stream().filter(CellAuditReport::didFail).toList();
        if (!failed.isEmpty()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Audit failed",
                    failed.stream().map(report -> report.cell() + ": " + report.error()).collect(Collectors.joining("; ")));
        }
        return new AuditReport(reports);
    }
}
