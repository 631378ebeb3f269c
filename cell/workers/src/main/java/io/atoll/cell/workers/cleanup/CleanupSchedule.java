package io.atoll.cell.workers.cleanup;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;

import static java.util.Objects.requireNonNull;

/**
 * Runs the cleanup inside the service, {@code interval} after the previous run ended. In production a Kubernetes
 * CronJob runs the JAR's {@code cleanup} command instead and this is switched off; either way the archive lease
 * keeps two runs of a cell from archiving at once.
 */
@Context
@Requires(property = "atoll.workers.cleanup.enabled", notEquals = "false")
final class CleanupSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(CleanupSchedule.class);

    private final CleanupJob job;
    private final CleanupSettings settings;
    private final TaskScheduler scheduler;
    private ScheduledFuture<?> runs;

    CleanupSchedule(CleanupJob job, CleanupSettings settings, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.job = requireNonNull(job, "job is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    @PostConstruct
    void start() {
        runs = scheduler.scheduleWithFixedDelay(settings.initialDelay(), settings.interval(), this::runOnce);
        LOG.info("Cleanup runs every {} (first in {}), archiving days older than {}", settings.interval(), settings.initialDelay(), settings.hotWindow());
    }

    void runOnce() {
        try {
            CleanupReport report = job.run(new CleanupRequest(true, true, settings.hotWindow()), new CleanupProgress(LOG::info));
            LOG.info(CleanupProgress.summary(report));
        } catch (ArchiveBusyException busy) {
            LOG.info("Cleanup archived nothing: {}", busy.getMessage());
        } catch (RuntimeException failure) {
            // The next run starts where this one stopped; the last-success gauge shows how long that has been.
            LOG.warn("Cleanup failed: {}", failure.getMessage(), failure);
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }
}
