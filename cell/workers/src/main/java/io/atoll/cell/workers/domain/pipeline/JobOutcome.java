package io.atoll.cell.workers.domain.pipeline;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How an attempt of a job ended, as it is recorded.
 *
 * @param status succeeded, failed or timed_out
 * @param finalOutcome whether this is the job's last word; otherwise the job goes back to pending and is retried
 * @param exitCode the program's exit code; null when it never exited on its own
 * @param result the program's result, when it succeeded
 * @param stderr the end of what it printed on standard error, or what the worker found wrong
 */
public record JobOutcome(String status, boolean finalOutcome, Integer exitCode, Map<String, Object> result, String stderr) {
    /** The most of a job's standard error storage keeps; the end of it says what went wrong. */
    public static final int STDERR_LIMIT = 65_536;

    public JobOutcome {
        requireNonNull(status, "status is null");
        result = result == null ? null : JsonValues.copyOf(result);
        stderr = stderr == null || stderr.length() <= STDERR_LIMIT ? stderr : stderr.substring(stderr.length() - STDERR_LIMIT);
    }

    public boolean succeeded() {
        return Job.SUCCEEDED.equals(status);
    }

    public JobOutcome withResult(Map<String, Object> replaced) {
        return new JobOutcome(status, finalOutcome, exitCode, replaced, stderr);
    }
}
