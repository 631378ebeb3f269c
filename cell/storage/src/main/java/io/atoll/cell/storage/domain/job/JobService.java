package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The attempts of jobs: started under a lease, ended with an outcome, found stale when their runner vanished. */
public final class JobService {
    private final JobStore jobs;
    private final Clock clock;

    public JobService(JobStore jobs, Clock clock) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Starts an attempt; its runner must report its outcome before the lease ends, or the job is stale. */
    public Job startAttempt(UUID jobId, Duration lease) {
        return jobs.changeJob(jobId, job -> job.started(lease, clock.instant())).orElseThrow(() -> notFound(jobId));
    }

    public Job endAttempt(UUID jobId, JobOutcome outcome) {
        return jobs.changeJob(jobId, job -> job.ended(outcome, clock.instant())).orElseThrow(() -> notFound(jobId));
    }

    public List<Job> stale(int limit) {
        return jobs.stale(clock.instant(), limit);
    }

    private static RefusedException notFound(UUID jobId) {
        return new RefusedException(Refusal.NOT_FOUND, "Job not found", "There is no job " + jobId + ".");
    }
}
