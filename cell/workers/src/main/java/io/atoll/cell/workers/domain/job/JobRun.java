package io.atoll.cell.workers.domain.job;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How one attempt of a job ended.
 *
 * @param exitCode the program's exit code; null when it never exited on its own (timed out, killed)
 * @param stdout everything it printed on standard output: its result as JSON when it succeeded
 * @param stderr what it printed on standard error, kept for the record (the end of it, when it printed a lot)
 */
public record JobRun(Outcome outcome, Integer exitCode, String stdout, String stderr, Duration took) {
    public JobRun {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
        requireNonNull(took, "took is null");
    }

    public enum Outcome {
        /** Exited 0. */
        EXITED,
        /** Exited non-zero, or was killed by something other than the runner. */
        FAILED,
        /** Ran past its timeout and was stopped with everything it started. */
        TIMED_OUT
    }
}
