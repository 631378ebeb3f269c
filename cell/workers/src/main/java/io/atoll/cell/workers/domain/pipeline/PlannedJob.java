package io.atoll.cell.workers.domain.pipeline;

import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A job as a plan names it.
 *
 * @param id derived from the request and the job's name, so that planning the same request again names the same jobs
 * @param kind the job program that runs it
 * @param timeoutSeconds how long one attempt may run
 * @param spec what the program is to work on, as stored; the worker running it adds where its inputs are
 */
public record PlannedJob(UUID id, String kind, int timeoutSeconds, Map<String, Object> spec) {
    public PlannedJob {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        spec = JsonValues.copyOf(spec);
    }
}
