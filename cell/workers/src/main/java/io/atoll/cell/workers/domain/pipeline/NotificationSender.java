package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationChannel;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Sends one notification of a completed request on its channel, and records every step: an attempt started in
 * storage before the send (pending, held for a lease), sent after it, failed with the channel's reason when it did
 * not go. A failure that a retry may mend is tried again while attempts remain; one that cannot, or the last one,
 * stays recorded as failed and is logged as an error. A notification already sent is not sent again, and one that
 * another delivery of its message is sending (messages arrive at least once, copies at the same time) is left to
 * it: this delivery comes back through the retry queues to find it sent, or the lease of a vanished sender passed.
 */
public final class NotificationSender {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    /** The most of a failure's reason storage keeps with a notification. */
    private static final int ERROR_LIMIT = 4000;

    private final PipelineStorage storage;
    private final Map<String, NotificationChannel> channels = new LinkedHashMap<>();
    private final PipelineMetrics metrics;
    private final RetryPolicy retries;
    private final Duration lease;
    private final String cell;

    /**
     * @param lease how long a send is trusted to take before another delivery may try it: the channels' timeouts and
     *              a margin
     */
    public NotificationSender(PipelineStorage storage, List<NotificationChannel> channels, PipelineMetrics metrics, RetryPolicy retries,
                              Duration lease, String cell) {
        this.storage = requireNonNull(storage, "storage is null");
        requireNonNull(channels, "channels is null").forEach(channel -> this.channels.put(channel.name(), channel));
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.retries = requireNonNull(retries, "retries is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.cell = requireNonNull(cell, "cell is null");
    }

    public Handling send(NotificationMessage message, TraceParent trace) {
        NotificationChannel channel = channels.get(message.channel());
        if (channel == null) {
            throw new UnprocessableException("no notification channel " + message.channel() + " is configured; the channels are "
                    + channels.keySet());
        }
        JobRequest request = storage.request(message.requestId(), trace);
        if (!request.complete()) {
            throw new UnprocessableException("request " + request.id() + " is " + request.status() + ": there is no completion to report");
        }
        if (request.notification(message.notificationId()).filter(NotificationRecord::sent).isPresent()) {
            LOG.info("Notification {} on {} was sent already", message.notificationId(), channel.name());
            return Handling.DONE;
        }
        Completion completion = Completions.of(request, cell);
        String target = channel.target(completion);
        Optional<NotificationRecord> started = storage.startNotification(message.notificationId(), request.id(), channel.name(), target, lease,
                trace);
        if (started.isEmpty()) {
            LOG.info("Notification {} on {} is sent or being sent by another delivery; this one looks again later", message.notificationId(),
                    channel.name());
            return Handling.RETRY;
        }
        int attempt = started.get().attempts();
        try {
            channel.send(new Notification(message.notificationId(), attempt, completion));
        } catch (NotificationFailedException failed) {
            record(message, target, NotificationRecord.FAILED, attempt, failed.getMessage(), trace);
            if (failed.retryable() && retries.attemptsRemain(attempt)) {
                metrics.notificationSent(channel.name(), "retrying");
                LOG.warn("Notification {} of request {} on {} to {} failed on attempt {}, tried again later: {}", message.notificationId(),
                        request.id(), channel.name(), target, attempt, failed.getMessage());
                return Handling.RETRY;
            }
            metrics.notificationSent(channel.name(), NotificationRecord.FAILED);
            LOG.error("Notification {} of request {} on {} to {} failed for good on attempt {}: {}", message.notificationId(), request.id(),
                    channel.name(), target, attempt, failed.getMessage());
            return Handling.DONE;
        }
        record(message, target, NotificationRecord.SENT, attempt, null, trace);
        metrics.notificationSent(channel.name(), NotificationRecord.SENT);
        LOG.info("Notification {} of request {} sent on {} to {}", message.notificationId(), request.id(), channel.name(), target);
        return Handling.DONE;
    }

    private void record(NotificationMessage message, String target, String status, int attempt, String error, TraceParent trace) {
        String kept = error == null || error.length() <= ERROR_LIMIT ? error : error.substring(0, ERROR_LIMIT - 1) + "…";
        storage.recordNotification(new NotificationRecord(message.notificationId(), message.requestId(), message.channel(), target, status, attempt,
                kept, null), trace);
    }
}
