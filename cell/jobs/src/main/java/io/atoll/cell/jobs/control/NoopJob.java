package io.atoll.cell.jobs.control;

import io.atoll.cell.jobs.Job;
import io.atoll.cell.jobs.JobSpec;

/** Does nothing and answers {@code {}}: the cost of the pipeline itself. */
public final class NoopJob implements Job {
    public static final String KIND = "noop";

    /** The empty result. */
    public record Nothing() {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Nothing run(JobSpec spec) {
        return new Nothing();
    }
}
