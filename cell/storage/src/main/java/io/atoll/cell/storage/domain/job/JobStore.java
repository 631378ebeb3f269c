package io.atoll.cell.storage.domain.job;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.storage.domain.TimeCursor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Job requests, their jobs, results and notifications in the database. */
public interface JobStore {
    /** Adds the request with its event, together; false when a request with its id exists already. */
    boolean addRequest(JobRequest request, CellEvent requested);

    Optional<JobRequest> findRequest(UUID requestId);

    Optional<JobRequestDetails> findDetails(UUID requestId);

    /** Requests newest first, only those in {@code status} when it is given, created before the cursor when one is given. */
    List<JobRequest> newestRequests(Optional<JobRequestStatus> status, Optional<TimeCursor> after, int limit);

    /**
     * Locks the request, lets {@code plan} decide from it and the jobs that exist under {@code jobIds} (of any
     * request), and saves the change; empty when there is no such request. Whatever {@code plan} throws leaves
     * everything as it was.
     */
    Optional<JobRequestDetails> plan(UUID requestId, List<UUID> jobIds, BiFunction<JobRequest, List<Job>, PlanChange> plan);

    /** Locks the job, lets {@code change} decide its next state, and saves that; empty when there is no such job. */
    Optional<Job> changeJob(UUID jobId, UnaryOperator<Job> change);

    /** Running jobs whose lease ended before {@code now}, the longest overdue first. */
    List<Job> stale(Instant now, int limit);

    /**
     * Locks the request and lets {@code complete} decide; saves the completed request, its result and its event
     * together when it decides one, nothing otherwise. Empty when there is no such request.
     */
    Optional<JobRequestDetails> complete(UUID requestId, Function<JobRequest, Optional<Completion>> complete);

    /**
     * Locks the notification (absent when there is none yet), lets {@code change} decide its next state, and saves
     * that. Concurrent first reports of one notification end as one row, each report applied in turn.
     */
    Notification saveNotification(UUID notificationId, Function<Optional<Notification>, Notification> change);

    /** The results of the member's completed requests, newest first, only of {@code kind} when it is given. */
    List<JobResult> memberResults(String memberId, Optional<JobRequestKind> kind, int limit);
}
