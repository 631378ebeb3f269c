package io.atoll.cell.workers.messaging;

import io.atoll.cell.workers.domain.pipeline.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The pipeline's own metrics: {@code atoll.workers.job.duration} (a timer per job kind and outcome),
 * {@code atoll.workers.notifications} (per channel and outcome) and {@code atoll.workers.messages.dead.lettered}
 * (per queue and reason: unprocessable at once, or out of attempts).
 */
@Singleton
final class WorkerMetrics implements PipelineMetrics {
    private final MeterRegistry registry;

    WorkerMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public void jobRan(String kind, String outcome, Duration took) {
        Timer.builder("atoll.workers.job.duration")
                .description("How long job attempts ran, by job kind and outcome")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
    }

    @Override
    public void notificationSent(String channel, String outcome) {
        Counter.builder("atoll.workers.notifications")
                .description("Notification sends, by channel and outcome (sent, retrying, failed)")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /**
     * @param reason unprocessable (no delivery would ever work) or exhausted (out of attempts)
     */
    void deadLettered(String queue, String reason) {
        Counter.builder("atoll.workers.messages.dead.lettered")
                .description("Messages sent to their queue's dead-letter queue, by queue and reason")
                .tag("queue", queue)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
