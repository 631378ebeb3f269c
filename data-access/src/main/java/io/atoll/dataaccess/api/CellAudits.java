package io.atoll.dataaccess.api;

import io.atoll.dataaccess.config.AuditSettings;
import io.atoll.dataaccess.domain.audit.AuditRun;
import io.atoll.dataaccess.domain.audit.DriftAudit;
import io.atoll.dataaccess.domain.audit.DriftFinding;
import io.atoll.dataaccess.store.AuditFailedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every configured cell's audit, run by the schedule or an operator: each run's findings are logged, a JSON line each,
 * and counted, and each cell's last run is kept for the health check.
 */
// Made at start-up, so that a wrong setting or an unreadable scope file stops the service before it serves.
@Context
public final class CellAudits {
    private static final Logger LOG = LoggerFactory.getLogger(CellAudits.class);

    private final List<DriftAudit> audits;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CellAuditReport> lastReports = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastCompleted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> left = new ConcurrentHashMap<>();

    /** @param settings taken so that they are checked at start-up even where no cell is configured */
    CellAudits(List<DriftAudit> audits, AuditSettings settings, MeterRegistry meters) {
        if (audits.isEmpty()) {
            throw new IllegalStateException("no cell's database to audit: set atoll.data-access.cells.<cell>.url (and .username)");
        }
        this.audits = audits.stream().sorted(Comparator.comparing(DriftAudit::cell)).toList();
        this.meters = meters;
        for (DriftAudit audit : this.audits) {
            AtomicLong completed = lastCompleted.computeIfAbsent(audit.cell(), cell -> new AtomicLong());
            Gauge.builder("atoll.data-access.audit.last-run.timestamp", completed, AtomicLong::get).baseUnit("seconds")
                    .description("When the cell's database was last audited to the end (epoch seconds)")
                    .tag("cell", audit.cell()).register(meters);
            AtomicLong stillLeft = left.computeIfAbsent(audit.cell(), cell -> new AtomicLong());
            Gauge.builder("atoll.data-access.drift.left", stillLeft, AtomicLong::get)
                    .description("What still differed from the definition after the cell's last audit")
                    .tag("cell", audit.cell()).register(meters);
        }
    }

    public List<String> cells() {
        return audits.stream().map(DriftAudit::cell).toList();
    }

    public List<CellAuditReport> runAll() {
        return audits.stream().map(this::run).toList();
    }

    public Optional<CellAuditReport> run(String cell) {
        return audits.stream().filter(audit -> audit.cell().equals(cell)).findFirst().map(this::run);
    }

    /** Each cell's last audit, in the order of the cells; a cell not audited yet is absent. */
    public List<CellAuditReport> lastReports() {
        return cells().stream().map(lastReports::get).filter(Objects::nonNull).toList();
    }

    private CellAuditReport run(DriftAudit audit) {
        Instant startedAt = clock.instant();
        CellAuditReport report;
        try {
            AuditRun run = audit.run();
            report = CellAuditReport.of(run);
            record(run);
            lastCompleted.get(audit.cell()).set(run.finishedAt().getEpochSecond());
            left.get(audit.cell()).set(run.left().size());
        } catch (AuditFailedException e) {
            // The database's own answer says it all, every interval for as long as it lasts: no stack trace.
            report = failed(audit, startedAt, e.getMessage());
            LOG.atWarn().addKeyValue("cell", audit.cell()).log("drift audit of {} failed: {}", audit.cell(), e.getMessage());
        } catch (RuntimeException e) {
            report = failed(audit, startedAt, e.toString());
            LOG.atError().addKeyValue("cell", audit.cell()).setCause(e).log("drift audit of {} failed: {}", audit.cell(), e.toString());
        }
        Counter.builder("atoll.data-access.audit.runs").description("Audits of a cell's database, by outcome")
                .tag("cell", audit.cell()).tag("mode", audit.mode().label()).tag("outcome", report.outcome())
                .register(meters).increment();
        lastReports.put(audit.cell(), report);
        return report;
    }

    private CellAuditReport failed(DriftAudit audit, Instant startedAt, String error) {
        return CellAuditReport.failed(audit.cell(), audit.mode().label(), startedAt, clock.instant(), error);
    }

    private void record(AuditRun run) {
        for (DriftFinding finding : run.findings()) {
            String action = !run.corrected() ? "reported" : run.left().contains(finding) ? "not reverted" : "reverted";
            LOG.atWarn()
                    .addKeyValue("cell", run.cell())
                    .addKeyValue("kind", finding.kind().label())
                    .addKeyValue("change", finding.change())
                    .addKeyValue("subject", finding.subject())
                    .addKeyValue("expected", finding.expected().orElse(null))
                    .addKeyValue("found", finding.found().orElse(null))
                    .addKeyValue("action", action)
                    .log("drift in {}: {} ({})", run.cell(), finding.line(), action);
            Counter.builder("atoll.data-access.drift.findings").description("Differences from the definition found, by kind")
                    .tag("cell", run.cell()).tag("kind", finding.kind().label()).tag("change", finding.change())
                    .register(meters).increment();
        }
        for (DriftFinding finding : run.left()) {
            if (run.corrected()) {
                LOG.atError().addKeyValue("cell", run.cell()).addKeyValue("kind", finding.kind().label())
                        .addKeyValue("subject", finding.subject())
                        .log("drift in {} left after applying the definition again: {}", run.cell(), finding.line());
            }
        }
        if (!run.findings().isEmpty()) {
            LOG.atInfo().addKeyValue("cell", run.cell()).addKeyValue("findings", run.findings().size())
                    .addKeyValue("left", run.left().size())
                    .log("drift audit of {}: {} finding(s), {}", run.cell(), run.findings().size(),
                            run.corrected() ? run.left().size() + " left after applying the definition again" : "reported");
        }
    }
}
