package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.JsonValues;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a completed request came to: its summary, kept as the request's result.
 *
 * @param kind the request's kind
 * @param subjectId the request's subject (an upload's id, a repository)
 * @param data the request's summary
 */
public record JobResult(UUID id, UUID requestId, JobRequestKind kind, String subjectId, Map<String, Object> data, Instant createdAt) {
    public JobResult {
        requireNonNull(id, "id is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(subjectId, "subjectId is null");
        data = JsonValues.copyOf(data);
        requireNonNull(createdAt, "createdAt is null");
    }
}
