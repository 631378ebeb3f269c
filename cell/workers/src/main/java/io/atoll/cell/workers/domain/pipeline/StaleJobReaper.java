package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Takes over the jobs whose worker vanished (the attempt still running once its lease has passed): the attempt is
 * recorded timed out, and the job either goes back to the jobs queue while attempts remain or, after its last one,
 * its request is completed if that was its last job. So no request waits for a worker that is gone.
 */
public final class StaleJobReaper {
    private static final Logger LOG = LoggerFactory.getLogger(StaleJobReaper.class);

    private final PipelineStorage storage;
    private final PipelineMessages messages;
    private final RequestCompleter completer;
    private final RetryPolicy retries;

    public StaleJobReaper(PipelineStorage storage, PipelineMessages messages, RequestCompleter completer, RetryPolicy retries) {
        this.storage = requireNonNull(storage, "storage is null");
        this.messages = requireNonNull(messages, "messages is null");
        this.completer = requireNonNull(completer, "completer is null");
        this.retries = requireNonNull(retries, "retries is null");
    }

    /** Takes over every stale job; answers how many there were. One that cannot be taken over now is tried on the next round. */
    public int reap() {
        int reaped = 0;
        for (Job job : storage.staleJobs(TraceParent.newTrace())) {
            TraceParent trace = TraceParent.newTrace();
            boolean last = !retries.attemptsRemain(job.attempts());
            try {
                storage.recordOutcome(job.id(), new JobOutcome(Job.TIMED_OUT, last, null, null, JobRuns.withNote("",
                        "no word from the worker running attempt " + job.attempts() + " before its lease ran out at " + job.leaseUntil())), trace);
                if (last) {
                    completer.completeIfDone(job.requestId(), trace);
                } else {
                    messages.publishJob(new JobMessage(job.requestId(), job.id()), job.attempts() + 1, trace);
                }
                reaped++;
                LOG.warn("Took over job {} ({}) of request {}: its worker vanished during attempt {} (trace {}){}", job.id(), job.kind(),
                        job.requestId(), job.attempts(), trace.traceId(), last ? "; that was its last attempt" : "");
            } catch (RuntimeException failure) {
                LOG.warn("Could not take over stale job {} now, trying again on the next round: {}", job.id(), failure.toString());
            }
        }
        return reaped;
    }
}
