package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.JsonValues;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One job of a request: a program run in isolation, attempt after attempt until one is final.
 *
 * @param kind the job program (e.g. {@code photo-thumbnails})
 * @param attempts how many attempts have started
 * @param timeoutSeconds how long one attempt may run
 * @param spec what the program reads on its stdin
 * @param startedAt when the latest attempt started
 * @param finishedAt when the latest attempt ended
 * @param leaseUntil while running: until when its runner is trusted to be alive; a running job past it is stale
 * @param exitCode the latest attempt's exit code
 * @param result the latest attempt's result (what it printed on stdout)
 * @param stderr the latest attempt's diagnostics
 */
public record Job(UUID id, UUID requestId, String kind, JobStatus status, int attempts, int timeoutSeconds, Map<String, Object> spec,
                  Optional<Instant> startedAt, Optional<Instant> finishedAt, Optional<Instant> leaseUntil, Optional<Integer> exitCode,
                  Optional<Map<String, Object>> result, Optional<String> stderr, Instant createdAt, Instant updatedAt) {
    public Job {
        requireNonNull(id, "id is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        spec = JsonValues.copyOf(spec);
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(leaseUntil, "leaseUntil is null");
        requireNonNull(exitCode, "exitCode is null");
        result = requireNonNull(result, "result is null").map(JsonValues::copyOf);
        requireNonNull(stderr, "stderr is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /** A job as planned: pending, never attempted. */
    public static Job planned(UUID requestId, PlannedJob planned, Instant now) {
        return new Job(planned.id(), requestId, planned.kind(), JobStatus.PENDING, 0, planned.timeoutSeconds(), planned.spec(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    /**
     * The job with a new attempt running under a lease. What the previous attempt left (exit code, diagnostics) stays
     * until this one ends. A final job is never attempted again.
     */
    public Job started(Duration lease, Instant now) {
        if (status.isFinal()) {
            throw new RefusedException(Refusal.CONFLICT, "Job already finished",
                    "Job " + id + " is " + status.code() + " and is not attempted again.");
        }
        return new Job(id, requestId, kind, JobStatus.RUNNING, attempts + 1, timeoutSeconds, spec, Optional.of(now), Optional.empty(),
                Optional.of(now.plus(lease)), exitCode, result, stderr, createdAt, now);
    }

    /**
     * The job once an attempt has ended: final, or back to pending for the retry that follows. A job that is already
     * final stays as it is, so a late or repeated report changes nothing.
     */
    public Job ended(JobOutcome outcome, Instant now) {
        if (status.isFinal()) {
            return this;
        }
        JobStatus next = outcome.isFinal() ? outcome.status() : JobStatus.PENDING;
        return new Job(id, requestId, kind, next, attempts, timeoutSeconds, spec, startedAt, Optional.of(now), Optional.empty(),
                outcome.exitCode(), outcome.result(), outcome.stderr(), createdAt, now);
    }
}
