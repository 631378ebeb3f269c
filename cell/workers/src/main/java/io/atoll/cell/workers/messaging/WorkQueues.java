package io.atoll.cell.workers.messaging;

import io.atoll.cell.workers.config.MessagingSettings;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The workers' exchanges and queues in the cell's vhost: job requests arrive from storage's events on the cell's
 * topic exchange; jobs and notifications travel on the workers' own direct exchange.
 */
@Singleton
public final class WorkQueues {
    public static final String WORKERS_EXCHANGE = "atoll.workers";
    public static final String JOB_REQUESTS = "workers.job-requests";
    public static final String JOBS = "workers.jobs";
    public static final String NOTIFICATIONS = "workers.notifications";
    public static final String JOB_ROUTING_KEY = "job";
    public static final String NOTIFICATION_ROUTING_KEY = "notification";
    /** The AMQP header counting the deliveries of a message: 1 the first time, one more for each retry. */
    public static final String ATTEMPT_HEADER = "x-atoll-attempt";

    private final WorkQueue jobRequests;
    private final WorkQueue jobs;
    private final WorkQueue notifications;

    public WorkQueues(MessagingSettings settings) {
        this.jobRequests = new WorkQueue(JOB_REQUESTS, settings.retryDelays());
        this.jobs = new WorkQueue(JOBS, settings.retryDelays());
        this.notifications = new WorkQueue(NOTIFICATIONS, settings.retryDelays());
    }

    public WorkQueue jobRequests() {
        return jobRequests;
    }

    public WorkQueue jobs() {
        return jobs;
    }

    public WorkQueue notifications() {
        return notifications;
    }

    public List<WorkQueue> all() {
        return List.of(jobRequests, jobs, notifications);
    }
}
