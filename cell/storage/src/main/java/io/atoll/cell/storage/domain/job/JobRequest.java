package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.JsonValues;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A request to the pipeline: planned into jobs, then completed once with a summary of their outcomes.
 *
 * @param id the caller's idempotency key, or one storage chose
 * @param fingerprint of the content that created it ({@link NewJobRequest#fingerprint()})
 * @param completedAt when it was completed; absent until then
 * @param summary what its jobs came to, from its completion
 * @param headline one line saying so, from its completion
 */
public record JobRequest(UUID id, JobRequestKind kind, Optional<String> memberId, String subjectId, Map<String, Object> spec,
                         String fingerprint, JobRequestStatus status, Instant createdAt, Instant updatedAt,
                         Optional<Instant> completedAt, Optional<Map<String, Object>> summary, Optional<String> headline) {
    public JobRequest {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(subjectId, "subjectId is null");
        spec = JsonValues.copyOf(spec);
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(status, "status is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(completedAt, "completedAt is null");
        summary = requireNonNull(summary, "summary is null").map(JsonValues::copyOf);
        requireNonNull(headline, "headline is null");
    }

    /** A request as it is first made. */
    public static JobRequest requested(UUID id, NewJobRequest request, Instant now) {
        return new JobRequest(id, request.kind(), request.memberId(), request.subjectId(), request.spec(), request.fingerprint(),
                JobRequestStatus.REQUESTED, now, now, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether {@code request} asks for what created this one: a retry of it, rather than its id used for something else. */
    public boolean isRetryOf(NewJobRequest request) {
        return fingerprint.equals(request.fingerprint());
    }

    /**
     * Plans the jobs, keeping those already planned as they are (a plan may be sent again), and moves a request
     * that was only requested to planned. Jobs can no longer be added once the request is completed.
     *
     * @param known the jobs that already exist under the plan's job ids, of this request or of another
     */
    public PlanChange plan(List<PlannedJob> plan, List<Job> known, Instant now) {
        Set<UUID> planned = new HashSet<>();
        for (PlannedJob job : plan) {
            if (!planned.add(job.id())) {
                throw new RefusedException(Refusal.BAD_REQUEST, "Job planned twice", "The plan names job " + job.id() + " more than once.");
            }
        }
        Set<UUID> existing = new HashSet<>();
        for (Job job : known) {
            if (!job.requestId().equals(id)) {
                throw new RefusedException(Refusal.CONFLICT, "Job of another request",
                        "Job " + job.id() + " belongs to request " + job.requestId() + ", not to " + id + ".");
            }
            existing.add(job.id());
        }
        List<Job> added = plan.stream().filter(job -> !existing.contains(job.id())).map(job -> Job.planned(id, job, now)).toList();
        if (!added.isEmpty() && completedAt.isPresent()) {
            throw new RefusedException(Refusal.CONFLICT, "Request already completed",
                    "Request " + id + " is " + status.code() + "; no jobs can be added to it.");
        }
        JobRequest next = status == JobRequestStatus.REQUESTED ? withStatus(JobRequestStatus.PLANNED, now) : this;
        return new PlanChange(next, added);
    }

    /** The request completed with this outcome; empty when it already was, since the first completion wins. */
    public Optional<JobRequest> completed(JobRequestStatus outcome, Map<String, Object> summary, String headline, Instant now) {
        if (!outcome.isCompletion()) {
            throw new IllegalArgumentException("a request completes succeeded, partial or failed, not " + outcome.code());
        }
        if (completedAt.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new JobRequest(id, kind, memberId, subjectId, spec, fingerprint, outcome, createdAt, now, Optional.of(now),
                Optional.of(summary), Optional.of(headline)));
    }

    private JobRequest withStatus(JobRequestStatus next, Instant now) {
        return new JobRequest(id, kind, memberId, subjectId, spec, fingerprint, next, createdAt, now, completedAt, summary, headline);
    }
}
