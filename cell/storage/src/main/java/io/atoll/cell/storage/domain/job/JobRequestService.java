package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.Page;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.atoll.cell.storage.domain.TimeCursor;
import io.atoll.cell.storage.domain.member.MemberStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Making job requests exactly once per id, planning them, completing them once, and reading them. */
public final class JobRequestService {
    private final JobStore jobs;
    private final MemberStore members;
    private final JobEvents events;
    private final Clock clock;

    public JobRequestService(JobStore jobs, MemberStore members, JobEvents events, Clock clock) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.members = requireNonNull(members, "members is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Makes the request, or finds the one made before under the same id.
     *
     * @param id the caller's idempotency key; a new id when it gives none
     */
    public JobRequestCreation request(Optional<UUID> id, NewJobRequest request) {
        UUID requestId = id.orElseGet(UUID::randomUUID);
        Optional<JobRequest> earlier = jobs.findRequest(requestId);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        request.memberId().filter(member -> members.find(member).isEmpty()).ifPresent(member -> {
            throw new RefusedException(Refusal.UNPROCESSABLE, "Unknown member", "There is no member " + member + " in this cell.");
        });
        JobRequest made = JobRequest.requested(requestId, request, clock.instant());
        if (jobs.addRequest(made, events.requested(made))) {
            return new JobRequestCreation(new JobRequestDetails(made, List.of(), List.of()), true);
        }
        // A concurrent call with the same id committed first: its request is this call's answer too.
        return replay(jobs.findRequest(requestId).orElseThrow(() -> new IllegalStateException("request " + requestId + " vanished")),
                request);
    }

    public JobRequestDetails find(UUID requestId) {
        return jobs.findDetails(requestId).orElseThrow(() -> notFound(requestId));
    }

    public Page<JobRequest> newest(Optional<JobRequestStatus> status, Optional<TimeCursor> after, int limit) {
        return Page.of(jobs.newestRequests(status, after, limit + 1), limit,
                request -> new TimeCursor(request.createdAt(), request.id()).encode());
    }

    /** Adds the plan's jobs the request does not have yet; sending the same plan again changes nothing. */
    public JobRequestDetails plan(UUID requestId, List<PlannedJob> plan) {
        Instant now = clock.instant();
        return jobs.plan(requestId, plan.stream().map(PlannedJob::id).toList(), (request, known) -> request.plan(plan, known, now))
                .orElseThrow(() -> notFound(requestId));
    }

    /** Completes the request with its result and event; the first completion wins and later ones change nothing. */
    public JobRequestDetails complete(UUID requestId, JobRequestStatus outcome, Map<String, Object> summary, String headline) {
        Instant now = clock.instant();
        return jobs.complete(requestId, request -> request.completed(outcome, summary, headline, now).map(completed -> new Completion(
                        completed, new JobResult(UUID.randomUUID(), completed.id(), completed.kind(), completed.subjectId(), summary, now),
                        events.completed(completed))))
                .orElseThrow(() -> notFound(requestId));
    }

    public List<JobResult> resultsOf(String memberId, Optional<JobRequestKind> kind, int limit) {
        return jobs.memberResults(memberId, kind, limit);
    }

    private JobRequestCreation replay(JobRequest earlier, NewJobRequest request) {
        if (!earlier.isRetryOf(request)) {
            throw new RefusedException(Refusal.UNPROCESSABLE, "Request id reused",
                    "Job request " + earlier.id() + " exists already, made with a different body.");
        }
        return new JobRequestCreation(find(earlier.id()), false);
    }

    private static RefusedException notFound(UUID requestId) {
        return new RefusedException(Refusal.NOT_FOUND, "Job request not found", "There is no job request " + requestId + ".");
    }
}
