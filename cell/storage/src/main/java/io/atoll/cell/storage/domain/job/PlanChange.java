package io.atoll.cell.storage.domain.job;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What planning changes: the request (now planned) and the jobs it did not have yet.
 *
 * @param request the request as it is to be saved
 * @param added the jobs to add; those planned before are not among them
 */
public record PlanChange(JobRequest request, List<Job> added) {
    public PlanChange {
        requireNonNull(request, "request is null");
        added = List.copyOf(added);
    }
}
