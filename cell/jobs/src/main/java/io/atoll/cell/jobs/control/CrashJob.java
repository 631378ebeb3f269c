package io.atoll.cell.jobs.control;

import io.atoll.cell.jobs.Job;
import io.atoll.cell.jobs.JobSpec;

/** Fails as an unexpected error would: exit code 1, a message on standard error, nothing on standard output. */
public final class CrashJob implements Job {
    public static final String KIND = "crash";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Record run(JobSpec spec) {
        throw new IllegalStateException("this job crashes on purpose, for fault tests");
    }
}
