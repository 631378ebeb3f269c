package io.atoll.cell.workers.domain.pipeline;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a completed request is saved with.
 *
 * @param status succeeded (every job succeeded), partial (some failed) or failed (all failed)
 * @param summary the results of its jobs put together; it also holds the headline
 * @param headline one line a person reads
 */
public record CompletionReport(String status, Map<String, Object> summary, String headline) {
    public CompletionReport {
        requireNonNull(status, "status is null");
        requireNonNull(headline, "headline is null");
        summary = JsonValues.copyOf(summary);
    }
}
