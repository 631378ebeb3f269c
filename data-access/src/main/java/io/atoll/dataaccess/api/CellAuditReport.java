package io.atoll.dataaccess.api;

import io.atoll.dataaccess.domain.audit.AuditRun;
import io.atoll.dataaccess.domain.audit.DriftFinding;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One cell's last audit, as the audit endpoint answers and the health check shows it.
 *
 * @param outcome {@code clean}, {@code corrected}, {@code reported}, {@code uncorrected} (corrected, yet something is
 *                left) or {@code failed}
 * @param findings what differed from the definition, a line each
 * @param left what still differs after the audit, a line each
 * @param error why the audit failed, when it did
 */
@Serdeable
public record CellAuditReport(String cell, String mode, String outcome, Instant startedAt, Instant finishedAt, List<String> findings,
                              List<String> left, String error) {
    static CellAuditReport of(AuditRun run) {
        String outcome = run.findings().isEmpty() ? "clean" : !run.corrected() ? "reported" : run.left().isEmpty() ? "corrected" : "uncorrected";
        return new CellAuditReport(run.cell(), run.mode().label(), outcome, run.startedAt(), run.finishedAt(),
                run.findings().stream().map(DriftFinding::line).toList(), run.left().stream().map(DriftFinding::line).toList(), null);
    }

    static CellAuditReport failed(String cell, String mode, Instant startedAt, Instant finishedAt, String error) {
        return new CellAuditReport(cell, mode, "failed", startedAt, finishedAt, List.of(), List.of(), error);
    }

    boolean didFail() {
        return error != null;
    }
}
