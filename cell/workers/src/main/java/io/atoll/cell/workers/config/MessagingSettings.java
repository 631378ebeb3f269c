package io.atoll.cell.workers.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/**
 * How the workers take and hand on messages in the cell's vhost.
 *
 * @param retryDelays one retry queue per delay, in order: a message whose handling failed for the n-th time waits
 *     the n-th delay (the last one for every later failure) before it is delivered again
 * @param maxAttempts how often a message is handled (and a job run, a notification sent) before it is given up
 * @param jobRequestsPrefetch unacknowledged job requests a worker holds at once
 * @param jobsPrefetch jobs a worker runs at once (each job is a process of its own)
 * @param notificationsPrefetch notifications a worker sends at once
 * @param publishTimeout how long the broker may take to confirm a published message
 * @param shutdownGrace on shutdown, how long the messages being handled may take to finish; what is not finished
 *     by then goes back to its queue for another worker
 * @param metricsInterval how often the queues' depth and consumers are read for the metrics
 */
@ConfigurationProperties("atoll.workers.messaging")
public record MessagingSettings(
        @NotEmpty List<@NotNull Duration> retryDelays,
        @Min(1) int maxAttempts,
        @Min(1) int jobRequestsPrefetch,
        @Min(1) int jobsPrefetch,
        @Min(1) int notificationsPrefetch,
        @NotNull Duration publishTimeout,
        @NotNull Duration shutdownGrace,
        @NotNull Duration metricsInterval) {
}
