package io.atoll.dataaccess.domain.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Compares what a database holds with what the definition makes of it, and corrects or reports the difference.
 *
 * <p>Working out what the definition makes of a database means applying it inside a transaction that is then rolled
 * back, which holds storage's tables locked for a moment. So the expected state is kept from run to run, and worked
 * out again only when the database seems to differ from it: a storage migration or a change the definition does not
 * govern changes the expectation, not the verdict. A database that holds exactly what it held at the last run is not
 * compared again.
 */
public final class DriftAudit {
    private final AuditedDatabase database;
    private final DriftMode mode;
    private final Clock clock;

    private GovernedState expected;
    private GovernedState lastHeld;
    private List<DriftFinding> lastLeft = List.of();

    public DriftAudit(AuditedDatabase database, DriftMode mode, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public String cell() {
        return database.cell();
    }

    public DriftMode mode() {
        return mode;
    }

    /** Runs one audit; the schedule and an operator's request take turns. */
    public synchronized AuditRun run() {
        Instant startedAt = clock.instant();
        GovernedState held = database.live();
        List<DriftFinding> findings = held.equals(lastHeld) ? lastLeft : findings(held);
        if (findings.isEmpty() || mode == DriftMode.REPORT) {
            remember(held, findings);
            return new AuditRun(database.cell(), mode, startedAt, clock.instant(), findings, false, findings);
        }
        // The kinds only: the findings themselves are logged, and a definition's text has no place in a comment of SQL.
        database.reapply("drift audit, " + findings.stream()
                .collect(Collectors.groupingBy(finding -> finding.kind().label(), TreeMap::new, Collectors.counting())));
        GovernedState after = database.live();
        List<DriftFinding> left = DriftComparison.compare(expected, after);
        remember(after, left);
        return new AuditRun(database.cell(), mode, startedAt, clock.instant(), findings, true, left);
    }

    private List<DriftFinding> findings(GovernedState held) {
        boolean fresh = expected == null;
        if (fresh) {
            expected = database.expected();
        }
        List<DriftFinding> findings = DriftComparison.compare(expected, held);
        if (!findings.isEmpty() && !fresh) {
            expected = database.expected();
            findings = DriftComparison.compare(expected, held);
        }
        return findings;
    }

    private void remember(GovernedState held, List<DriftFinding> left) {
        lastHeld = held;
        lastLeft = left;
    }
}
