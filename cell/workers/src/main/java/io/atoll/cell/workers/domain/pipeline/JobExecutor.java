package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.domain.job.JobLaunch;
import io.atoll.cell.workers.domain.job.JobRun;
import io.atoll.cell.workers.domain.job.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs one attempt of a job and records how it ended. The attempt is held in storage for its timeout plus a margin
 * (a job another worker holds is left to it; one whose holder vanished is taken over by the reaper), runs in a
 * work folder of its own through the {@link JobRunner}, and is recorded only once what it made is stored. A failed
 * attempt with attempts left goes back to pending and the job message to a retry queue; a final outcome is
 * followed by completing the request if it was the last job.
 */
public final class JobExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);

    private final PipelineStorage storage;
    private final JobRunner runner;
    private final JobInputs inputs;
    private final JsonCodec json;
    private final JobRuns runs;
    private final RequestCompleter completer;
    private final WorkDirectories workDirectories;
    private final PipelineMetrics metrics;
    private final RetryPolicy retries;
    private final Duration leaseMargin;
    private final Clock clock;

    public JobExecutor(PipelineStorage storage, JobRunner runner, JsonCodec json, RequestCompleter completer, WorkDirectories workDirectories,
                       PipelineMetrics metrics, RetryPolicy retries, Duration leaseMargin, Clock clock) {
        this.storage = requireNonNull(storage, "storage is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.inputs = new JobInputs(storage);
        this.json = requireNonNull(json, "json is null");
        this.runs = new JobRuns(json);
        this.completer = requireNonNull(completer, "completer is null");
        this.workDirectories = requireNonNull(workDirectories, "workDirectories is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.retries = requireNonNull(retries, "retries is null");
        this.leaseMargin = requireNonNull(leaseMargin, "leaseMargin is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Handling execute(JobMessage message, TraceParent trace) throws InterruptedException {
        JobRequest request = storage.request(message.requestId(), trace);
        Job job = request.job(message.jobId())
                .orElseThrow(() -> new UnprocessableException("request " + message.requestId() + " has no job " + message.jobId()));
        if (!job.isFinal()) {
            if (job.heldAt(clock.instant())) {
                LOG.info("Job {} ({}) is running on another worker until {}; left to it", job.id(), job.kind(), job.leaseUntil());
                return Handling.LEFT_TO_ANOTHER;
            }
            Optional<Job> started = storage.startAttempt(job.id(), Duration.ofSeconds(job.timeoutSeconds()).plus(leaseMargin), trace);
            if (started.isPresent() && !attempt(started.get(), trace)) {
                return Handling.RETRY;
            }
        }
        completer.completeIfDone(request.id(), trace);
        return Handling.DONE;
    }

    /** Runs the started attempt and records it; answers whether that was the job's last word. */
    private boolean attempt(Job job, TraceParent trace) throws InterruptedException {
        Path workDir = workDirectories.create(job.id() + "-" + job.attempts());
        Duration timeout = Duration.ofSeconds(job.timeoutSeconds());
        boolean attemptsRemain = retries.attemptsRemain(job.attempts());
        try {
            JobOutcome outcome;
            Duration took = null;
            try {
                Map<String, Object> spec = inputs.prepare(job, workDir, trace);
                JobRun run = runner.run(new JobLaunch(job.id(), job.attempts(), job.kind(), json.write(spec), timeout, workDir));
                took = run.took();
                outcome = runs.outcome(run, timeout, attemptsRemain);
                if (outcome.succeeded()) {
                    outcome = outcome.withResult(inputs.keepOutputs(job, workDir, outcome.result(), trace));
                }
            } catch (UnprocessableException never) {
                outcome = workerFailure(job, never, false);
            } catch (RuntimeException failure) {
                outcome = workerFailure(job, failure, attemptsRemain);
            }
            storage.recordOutcome(job.id(), outcome, trace);
            if (took != null) {
                metrics.jobRan(job.kind(), outcome.status(), took);
            }
            log(job, outcome);
            return outcome.finalOutcome();
        } catch (InterruptedException stopped) {
            recordStopped(job, trace);
            throw stopped;
        } finally {
            workDirectories.deleteQuietly(workDir);
        }
    }

    /** The attempt could not be run or its outputs not be kept: it counts as a failed attempt, said to be the worker's. */
    private static JobOutcome workerFailure(Job job, RuntimeException failure, boolean attemptsRemain) {
        LOG.warn("Attempt {} of job {} ({}) could not run: {}", job.attempts(), job.id(), job.kind(), failure.toString());
        return new JobOutcome(Job.FAILED, !attemptsRemain, null, null,
                JobRuns.withNote("", "attempt " + job.attempts() + " could not run: " + failure.getMessage()));
    }

    /**
     * The worker is stopping while the attempt runs: the attempt is recorded failed but not final (a stop is never a
     * job's last word), so the job is pending again when its message reaches another worker.
     */
    private void recordStopped(Job job, TraceParent trace) {
        boolean interrupted = Thread.interrupted();
        try {
            storage.recordOutcome(job.id(), new JobOutcome(Job.FAILED, false, null, null,
                    JobRuns.withNote("", "the worker stopped before attempt " + job.attempts() + " ended")), trace);
        } catch (RuntimeException unrecorded) {
            LOG.warn("Attempt {} of job {} stays running until its lease passes and the reaper takes it: {}", job.attempts(), job.id(),
                    unrecorded.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void log(Job job, JobOutcome outcome) {
        if (outcome.succeeded()) {
            LOG.info("Job {} ({}) succeeded on attempt {}", job.id(), job.kind(), job.attempts());
        } else if (outcome.finalOutcome()) {
            LOG.warn("Job {} ({}) {} on attempt {}, for good: {}", job.id(), job.kind(), outcome.status(), job.attempts(),
                    JobRuns.lastLine(outcome.stderr()));
        } else {
            LOG.info("Job {} ({}) {} on attempt {}, tried again later: {}", job.id(), job.kind(), outcome.status(), job.attempts(),
                    JobRuns.lastLine(outcome.stderr()));
        }
    }
}
