package io.atoll.cell.storage.domain.job;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of asking for a request.
 *
 * @param created true for the call that made the request, false for each retry that found it
 */
public record JobRequestCreation(JobRequestDetails details, boolean created) {
    public JobRequestCreation {
        requireNonNull(details, "details is null");
    }
}
