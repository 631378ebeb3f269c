package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.JobRequest;
import io.atoll.cell.storage.domain.job.JobRequestDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job request as the API shows it: with its jobs and notifications when read alone, without them (left out) in
 * a list.
 */
@Serdeable
public record JobRequestView(UUID id, String kind, @Nullable String memberId, String subjectId, Map<String, Object> spec, String status,
                             Instant createdAt, Instant updatedAt, @Nullable Instant completedAt, @Nullable Map<String, Object> summary,
                             @Nullable List<JobView> jobs, @Nullable List<NotificationView> notifications) {
    static JobRequestView of(JobRequestDetails details) {
        return of(details.request(), details.jobs().stream().map(JobView::of).toList(),
                details.notifications().stream().map(NotificationView::of).toList());
    }

    static JobRequestView listed(JobRequest request) {
        return of(request, null, null);
    }

    private static JobRequestView of(JobRequest request, List<JobView> jobs, List<NotificationView> notifications) {
        return new JobRequestView(request.id(), request.kind().code(), request.memberId().orElse(null), request.subjectId(), request.spec(),
                request.status().code(), request.createdAt(), request.updatedAt(), request.completedAt().orElse(null),
                request.summary().orElse(null), jobs, notifications);
    }
}
