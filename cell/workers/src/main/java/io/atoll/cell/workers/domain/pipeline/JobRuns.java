package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.workers.domain.job.JobRun;

import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What an attempt's run amounts to. A program that exits 0 and prints one JSON object succeeded; anything else
 * failed, and is tried again while attempts remain, except a program that exits {@link #REJECTED_EXIT_CODE}: it
 * said its input can never work, so no retry follows.
 */
public final class JobRuns {
    /** The job programs' exit code for a spec or input that can never work (cell/jobs JobMain). */
    public static final int REJECTED_EXIT_CODE = 2;

    private final JsonCodec json;

    public JobRuns(JsonCodec json) {
        this.json = requireNonNull(json, "json is null");
    }

    /**
     * @param attemptsRemain whether another attempt may follow this one if it failed
     */
    public JobOutcome outcome(JobRun run, Duration timeout, boolean attemptsRemain) {
        return switch (run.outcome()) {
            case EXITED -> exited(run, attemptsRemain);
            case FAILED -> new JobOutcome(Job.FAILED, !attemptsRemain || rejected(run), run.exitCode(), null, run.stderr());
            case TIMED_OUT -> new JobOutcome(Job.TIMED_OUT, !attemptsRemain, null, null,
                    withNote(run.stderr(), "stopped with everything it started after its timeout of " + timeout.toSeconds() + " s"));
        };
    }

    /** Whether the program said its input can never work. */
    public static boolean rejected(JobRun run) {
        return run.outcome() == JobRun.Outcome.FAILED && run.exitCode() != null && run.exitCode() == REJECTED_EXIT_CODE;
    }

    private JobOutcome exited(JobRun run, boolean attemptsRemain) {
        try {
            Map<String, Object> result = json.readObject(run.stdout());
            return new JobOutcome(Job.SUCCEEDED, true, run.exitCode(), result, run.stderr());
        } catch (IllegalArgumentException notOneObject) {
            return new JobOutcome(Job.FAILED, !attemptsRemain, run.exitCode(), null,
                    withNote(run.stderr(), "exited 0 but its output is not one JSON object: " + notOneObject.getMessage()));
        }
    }

    /** The last line of what a program printed on standard error: usually what went wrong, in one line. */
    public static String lastLine(String stderr) {
        String trimmed = stderr == null ? "" : stderr.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }

    /** The program's stderr with the worker's own finding after it, marked as the worker's. */
    static String withNote(String stderr, String note) {
        String marked = "[atoll-workers] " + note;
        return stderr.isEmpty() ? marked : stderr + (stderr.endsWith("\n") ? "" : "\n") + marked;
    }
}
