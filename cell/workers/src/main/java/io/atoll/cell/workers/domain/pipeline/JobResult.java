package io.atoll.cell.workers.domain.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The saved summary of one of a member's completed requests (for photos: its inspection with the difference hash).
 *
 * @param subjectId what that request was about: for photos, the upload
 */
public record JobResult(UUID requestId, String subjectId, Map<String, Object> data, Instant createdAt) {
    public JobResult {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(subjectId, "subjectId is null");
        data = JsonValues.copyOf(data);
    }
}
