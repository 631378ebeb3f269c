package io.atoll.cell.workers.domain.notify;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A job request that has finished, as notifications report it.
 *
 * @param kind the request's kind: photo, repository-scan, noop
 * @param status succeeded, partial or failed
 * @param headline one line a person reads, e.g. "3 thumbnails; 4032×3024 JPEG; no near-duplicates"
 * @param spec the request's spec (a repository scan's repository, commit and GitHub owner/repo)
 * @param summary the summarised results of its jobs
 */
public record Completion(UUID requestId, String cell, String kind, String memberId, String subjectId, String status,
                         String headline, Map<String, Object> spec, Map<String, Object> summary, Instant completedAt) {
    public Completion {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(cell, "cell is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(subjectId, "subjectId is null");
        requireNonNull(status, "status is null");
        requireNonNull(headline, "headline is null");
        requireNonNull(completedAt, "completedAt is null");
        spec = spec == null ? Map.of() : Map.copyOf(spec);
        summary = summary == null ? Map.of() : Map.copyOf(summary);
    }
}
