package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;

/**
 * Where the pipeline hands work on: each message is confirmed by the broker before the call returns, so that the
 * message that caused it can be acknowledged after.
 */
public interface PipelineMessages {
    /**
     * @param attempt which attempt of the job this message is for (1 for a freshly planned job)
     */
    void publishJob(JobMessage message, int attempt, TraceParent trace);

    void publishNotification(NotificationMessage message, TraceParent trace);
}
