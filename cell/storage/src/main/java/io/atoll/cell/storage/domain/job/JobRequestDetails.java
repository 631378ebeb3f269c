package io.atoll.cell.storage.domain.job;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A request with its jobs and its notifications. */
public record JobRequestDetails(JobRequest request, List<Job> jobs, List<Notification> notifications) {
    public JobRequestDetails {
        requireNonNull(request, "request is null");
        jobs = List.copyOf(jobs);
        notifications = List.copyOf(notifications);
    }
}
