package io.atoll.cell.workers.domain.job;

/**
 * Runs one job in isolation: a child process here, a Kubernetes Job in production. A runner waits for the job
 * to end or for its timeout; the job's own failure (a non-zero exit, a crash, the timeout) is an outcome in the
 * {@link JobRun}, not an exception. Only the runner itself failing (cannot start the process, cannot reach the
 * cluster) throws, and then the job is tried again later.
 */
public interface JobRunner {
    JobRun run(JobLaunch launch) throws InterruptedException;
}
