package io.atoll.cell.workers.domain.pipeline;

import java.time.Duration;

/** What the pipeline reports as it goes, for the workers' metrics. */
public interface PipelineMetrics {
    /**
     * @param outcome succeeded, failed or timed_out
     */
    void jobRan(String kind, String outcome, Duration took);

    /**
     * @param outcome sent, retrying (failed, tried again later) or failed (for good)
     */
    void notificationSent(String channel, String outcome);
}
