package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.JsonValues;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How an attempt of a job ended.
 *
 * @param status succeeded, failed or timed out
 * @param isFinal whether the job ends with it; a failed or timed-out attempt that is not final is retried
 * @param exitCode the program's exit code, when it exited
 * @param result what it printed on stdout, when that was a JSON object
 * @param stderr what it printed on stderr (its diagnostics)
 */
public record JobOutcome(JobStatus status, boolean isFinal, Optional<Integer> exitCode, Optional<Map<String, Object>> result,
                         Optional<String> stderr) {
    public JobOutcome {
        requireNonNull(status, "status is null");
        requireNonNull(exitCode, "exitCode is null");
        result = requireNonNull(result, "result is null").map(JsonValues::copyOf);
        requireNonNull(stderr, "stderr is null");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("an attempt ends succeeded, failed or timed out, not " + status.code());
        }
        if (status == JobStatus.SUCCEEDED && !isFinal) {
            throw new RefusedException(Refusal.BAD_REQUEST, "A success is final",
                    "A succeeded attempt ends its job: it cannot be followed by a retry (final must be true).");
        }
    }
}
