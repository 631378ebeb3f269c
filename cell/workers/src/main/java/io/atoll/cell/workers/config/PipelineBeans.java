package io.atoll.cell.workers.config;

import io.atoll.cell.workers.domain.job.JobRunner;
import io.atoll.cell.workers.domain.notify.NotificationChannel;
import io.atoll.cell.workers.domain.pipeline.JobExecutor;
import io.atoll.cell.workers.domain.pipeline.JobTimeouts;
import io.atoll.cell.workers.domain.pipeline.JsonCodec;
import io.atoll.cell.workers.domain.pipeline.NotificationSender;
import io.atoll.cell.workers.domain.pipeline.PipelineMessages;
import io.atoll.cell.workers.domain.pipeline.PipelineMetrics;
import io.atoll.cell.workers.domain.pipeline.PipelineStorage;
import io.atoll.cell.workers.domain.pipeline.Planner;
import io.atoll.cell.workers.domain.pipeline.RequestCompleter;
import io.atoll.cell.workers.domain.pipeline.RequestPlanner;
import io.atoll.cell.workers.domain.pipeline.RetryPolicy;
import io.atoll.cell.workers.domain.pipeline.StaleJobReaper;
import io.atoll.cell.workers.domain.pipeline.WorkDirectories;
import io.atoll.cell.workers.notify.NotificationHttpSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Wires the pipeline's plain domain objects from the settings and the adapters (storage, broker, runner, channels). */
@Factory
final class PipelineBeans {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    RetryPolicy retryPolicy(MessagingSettings settings) {
        return new RetryPolicy(settings.retryDelays(), settings.maxAttempts());
    }

    @Singleton
    WorkDirectories workDirectories(PipelineSettings settings) {
        return new WorkDirectories(settings.workDir());
    }

    @Singleton
    RequestCompleter requestCompleter(PipelineStorage storage, PipelineMessages messages, List<NotificationChannel> channels, CellSettings cell) {
        return new RequestCompleter(storage, messages, channels, cell.id());
    }

    @Singleton
    Planner planner(PipelineStorage storage, JobRunner runner, JsonCodec json, WorkDirectories workDirectories, PipelineMessages messages,
                    RequestCompleter completer, PipelineSettings settings) {
        return new Planner(storage, new RequestPlanner(runner, json, workDirectories, timeouts(settings), settings.thumbnailSizes()), messages,
                completer);
    }

    @Singleton
    JobExecutor jobExecutor(PipelineStorage storage, JobRunner runner, JsonCodec json, RequestCompleter completer, WorkDirectories workDirectories,
                            PipelineMetrics metrics, RetryPolicy retries, PipelineSettings settings, Clock clock) {
        return new JobExecutor(storage, runner, json, completer, workDirectories, metrics, retries, settings.leaseMargin(), clock);
    }

    @Singleton
    NotificationSender notificationSender(PipelineStorage storage, List<NotificationChannel> channels, PipelineMetrics metrics, RetryPolicy retries,
                                          NotificationHttpSettings http, PipelineSettings settings, CellSettings cell) {
        Duration lease = http.connectTimeout().plus(http.requestTimeout()).plus(settings.leaseMargin());
        return new NotificationSender(storage, channels, metrics, retries, lease, cell.id());
    }

    @Singleton
    StaleJobReaper staleJobReaper(PipelineStorage storage, PipelineMessages messages, RequestCompleter completer, RetryPolicy retries) {
        return new StaleJobReaper(storage, messages, completer, retries);
    }

    private static JobTimeouts timeouts(PipelineSettings settings) {
        return new JobTimeouts(settings.photoThumbnailsTimeout(), settings.photoInspectionTimeout(), settings.repositoryScanTimeout(),
                settings.repositoryPlanTimeout(), settings.noopTimeout());
    }
}
