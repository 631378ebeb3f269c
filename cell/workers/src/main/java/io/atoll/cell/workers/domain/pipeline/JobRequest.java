package io.atoll.cell.workers.domain.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A request for background work (process this upload, scan this repository) as storage keeps it, with its jobs and
 * the notifications of its completion.
 *
 * @param kind photo, repository-scan or noop
 * @param subjectId what it is about: an upload, a repository
 * @param status requested, planned, then succeeded, partial or failed once complete
 */
public record JobRequest(UUID id, String kind, String memberId, String subjectId, Map<String, Object> spec, String status, Instant createdAt,
                         Instant updatedAt, Instant completedAt, Map<String, Object> summary, List<Job> jobs,
                         List<NotificationRecord> notifications) {
    public static final String REQUESTED = "requested";
    public static final String PLANNED = "planned";
    private static final Set<String> COMPLETE = Set.of(Completions.SUCCEEDED, Completions.PARTIAL, Completions.FAILED);

    public JobRequest {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(subjectId, "subjectId is null");
        requireNonNull(status, "status is null");
        spec = JsonValues.copyOf(spec);
        summary = JsonValues.copyOf(summary);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    public boolean planned() {
        return PLANNED.equals(status);
    }

    /** Succeeded, partial or failed: its summary is saved. */
    public boolean complete() {
        return COMPLETE.contains(status);
    }

    /** Planned, and every job of it final (vacuously so when the plan has none). */
    public boolean readyToComplete() {
        return planned() && jobs.stream().allMatch(Job::isFinal);
    }

    public Optional<Job> job(UUID jobId) {
        return jobs.stream().filter(job -> job.id().equals(jobId)).findFirst();
    }

    public Optional<NotificationRecord> notification(UUID notificationId) {
        return notifications.stream().filter(notification -> notification.id().equals(notificationId)).findFirst();
    }
}
