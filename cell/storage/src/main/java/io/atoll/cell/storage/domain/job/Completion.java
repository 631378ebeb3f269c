package io.atoll.cell.storage.domain.job;

import io.atoll.cell.contracts.events.CellEvent;

import static java.util.Objects.requireNonNull;

/** A request completed: saved with its result and its event, together. */
public record Completion(JobRequest request, JobResult result, CellEvent completed) {
    public Completion {
        requireNonNull(request, "request is null");
        requireNonNull(result, "result is null");
        requireNonNull(completed, "completed is null");
    }
}
