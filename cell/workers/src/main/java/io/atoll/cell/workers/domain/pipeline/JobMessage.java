package io.atoll.cell.workers.domain.pipeline;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** "Run an attempt of this job": the message of the jobs queue, whose message id is the job id. */
public record JobMessage(UUID requestId, UUID jobId) {
    public JobMessage {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(jobId, "jobId is null");
    }
}
