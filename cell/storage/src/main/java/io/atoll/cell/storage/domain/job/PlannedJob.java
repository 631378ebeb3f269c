package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.JsonValues;

import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One job of a request's plan.
 *
 * @param id chosen by the planner, so that planning again finds the jobs planned before
 * @param kind the job program to run (e.g. {@code photo-thumbnails})
 * @param timeoutSeconds how long one attempt may run
 * @param spec what the program reads on its stdin
 */
public record PlannedJob(UUID id, String kind, int timeoutSeconds, Map<String, Object> spec) {
    public PlannedJob {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        spec = JsonValues.copyOf(spec);
    }
}
