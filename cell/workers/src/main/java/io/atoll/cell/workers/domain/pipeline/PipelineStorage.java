package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the pipeline keeps in the cell's storage service: requests, their plans, jobs, attempts and outcomes,
 * completions, notifications, and the record of which messages were handled. Every call carries the trace it is
 * part of. A call that storage refuses (no retry helps) and one that cannot be made now (a retry may help) fail
 * with different exceptions; see the implementation.
 */
public interface PipelineStorage {
    JobRequest request(UUID requestId, TraceParent trace);

    /** Saves the plan (jobs already planned are kept as they are) and answers the request with its jobs. */
    JobRequest plan(UUID requestId, List<PlannedJob> jobs, TraceParent trace);

    /** Starts an attempt held for {@code lease}; empty when the job is already final. */
    Optional<Job> startAttempt(UUID jobId, Duration lease, TraceParent trace);

    Job recordOutcome(UUID jobId, JobOutcome outcome, TraceParent trace);

    /** Running jobs whose lease has passed: their worker vanished. */
    List<Job> staleJobs(TraceParent trace);

    /** Completes the request; the first completion wins, later ones answer the request as it is. */
    JobRequest complete(UUID requestId, CompletionReport report, TraceParent trace);

    /**
     * Starts the notification's next attempt, held for {@code lease} (made pending, its attempts counted); empty when
     * it was sent or another delivery is sending it now.
     */
    Optional<NotificationRecord> startNotification(UUID notificationId, UUID requestId, String channel, String target, Duration lease,
                                                   TraceParent trace);

    /** Records how an attempt ended: sent, or failed with its reason. */
    NotificationRecord recordNotification(NotificationRecord notification, TraceParent trace);

    /** The saved summaries of the member's completed requests of this kind, newest first. */
    List<JobResult> memberResults(String memberId, String kind, TraceParent trace);

    /** Writes the upload's content to {@code target}. */
    void downloadUpload(String uploadId, Path target, TraceParent trace);

    /** Stores a file made from the upload (a thumbnail) under the upload, replacing one of the same name; answers its key. */
    String storeDerived(String uploadId, String name, Path file, String contentType, TraceParent trace);

    boolean processed(String consumer, String messageId, TraceParent trace);

    void markProcessed(String consumer, String messageId, TraceParent trace);
}
