package io.atoll.dataaccess.domain.audit;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One audit of one database.
 *
 * @param findings what differed from the definition when the audit began
 * @param corrected whether the definition was applied again to take the findings away
 * @param left what still differed after the correction; what differs in {@link DriftMode#REPORT} is left too
 */
public record AuditRun(String cell, DriftMode mode, Instant startedAt, Instant finishedAt, List<DriftFinding> findings,
                       boolean corrected, List<DriftFinding> left) {
    public AuditRun {
        requireNonNull(cell, "cell is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        findings = List.copyOf(findings);
        left = List.copyOf(left);
    }

    public boolean clean() {
        return left.isEmpty();
    }
}
