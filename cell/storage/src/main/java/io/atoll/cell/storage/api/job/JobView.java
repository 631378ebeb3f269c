package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.Job;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A job as the API shows it; what its latest attempt has not told yet is null. */
@Serdeable
public record JobView(UUID id, UUID requestId, String kind, String status, int attempts, int timeoutSeconds, Map<String, Object> spec,
                      @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant leaseUntil, @Nullable Integer exitCode,
                      @Nullable Map<String, Object> result, @Nullable String stderr) {
    static JobView of(Job job) {
        return new JobView(job.id(), job.requestId(), job.kind(), job.status().code(), job.attempts(), job.timeoutSeconds(), job.spec(),
                job.startedAt().orElse(null), job.finishedAt().orElse(null), job.leaseUntil().orElse(null), job.exitCode().orElse(null),
                job.result().orElse(null), job.stderr().orElse(null));
    }
}
