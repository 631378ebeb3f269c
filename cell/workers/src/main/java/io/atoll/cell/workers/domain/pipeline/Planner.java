package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Takes a requested job request to its jobs: plans it, saves the plan, and hands each job that is not final to the
 * jobs queue. A request found planned already (an earlier delivery stopped after saving the plan) has its
 * unfinished jobs handed on again, which the executor takes calmly; a complete request is left alone.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private final PipelineStorage storage;
    private final RequestPlanner planner;
    private final PipelineMessages messages;
    private final RequestCompleter completer;

    public Planner(PipelineStorage storage, RequestPlanner planner, PipelineMessages messages, RequestCompleter completer) {
        this.storage = requireNonNull(storage, "storage is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.messages = requireNonNull(messages, "messages is null");
        this.completer = requireNonNull(completer, "completer is null");
    }

    public Handling plan(UUID requestId, TraceParent trace) throws InterruptedException {
        JobRequest request = storage.request(requestId, trace);
        if (request.complete()) {
            LOG.info("Request {} is already complete ({})", requestId, request.status());
            return Handling.DONE;
        }
        if (!request.planned()) {
            List<PlannedJob> jobs = planner.plan(request);
            request = storage.plan(requestId, jobs, trace);
            LOG.info("Planned request {} ({}) into {} jobs", requestId, request.kind(), request.jobs().size());
        }
        for (Job job : request.jobs()) {
            if (!job.isFinal()) {
                messages.publishJob(new JobMessage(requestId, job.id()), job.attempts() + 1, trace);
            }
        }
        if (request.readyToComplete()) {
            completer.completeIfDone(requestId, trace);
        }
        return Handling.DONE;
    }
}
