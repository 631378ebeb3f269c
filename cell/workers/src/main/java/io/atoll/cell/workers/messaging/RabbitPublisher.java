package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BasicProperties;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ReturnListener;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.config.MessagingSettings;
import io.atoll.cell.workers.domain.pipeline.JobMessage;
import io.atoll.cell.workers.domain.pipeline.NotificationMessage;
import io.atoll.cell.workers.domain.pipeline.PipelineMessages;
import io.atoll.cell.workers.domain.pipeline.RetryPolicy;
import io.micronaut.rabbitmq.connect.ChannelPool;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Publishes the pipeline's messages, persistent and with publisher confirms: a call returns once the broker has
 * taken the message, so the message that caused it may be acknowledged after. Every message carries the trace it
 * belongs to ({@code traceparent}) and its attempt ({@value WorkQueues#ATTEMPT_HEADER}).
 */
@Singleton
public final class RabbitPublisher implements PipelineMessages {
    private static final int PERSISTENT = 2;
    private static final String JSON = "application/json";

    private final ChannelPool channels;
    private final ObjectMapper json;
    private final RetryPolicy retries;
    private final Duration confirmTimeout;

    RabbitPublisher(ChannelPool channels, ObjectMapper json, RetryPolicy retries, MessagingSettings settings) {
        this.channels = requireNonNull(channels, "channels is null");
        this.json = requireNonNull(json, "json is null");
        this.retries = requireNonNull(retries, "retries is null");
        this.confirmTimeout = requireNonNull(settings, "settings is null").publishTimeout();
    }

    @Override
    public void publishJob(JobMessage message, int attempt, TraceParent trace) {
        publish(WorkQueues.WORKERS_EXCHANGE, WorkQueues.JOB_ROUTING_KEY, properties(message.jobId().toString(), attempt, trace), encoded(message));
    }

    @Override
    public void publishNotification(NotificationMessage message, TraceParent trace) {
        publish(WorkQueues.WORKERS_EXCHANGE, WorkQueues.NOTIFICATION_ROUTING_KEY, properties(message.notificationId().toString(), 1, trace),
                encoded(message));
    }

    /**
     * Puts a message whose handling failed for the {@code failedAttempt}-th time into the retry queue for that
     * failure: the same body, message id and headers (its trace among them), with the next attempt's number. The
     * broker's own dead-lettering headers stay behind, so each pass through a retry queue starts a clean record.
     */
    void retry(WorkQueue queue, BasicProperties original, byte[] body, int failedAttempt) {
        Map<String, Object> headers = new HashMap<>();
        if (original.getHeaders() != null) {
            original.getHeaders().forEach((name, value) -> {
                if (!name.startsWith("x-death") && !name.startsWith("x-first-death") && !name.startsWith("x-last-death")) {
                    headers.put(name, value);
                }
            });
        }
        headers.put(WorkQueues.ATTEMPT_HEADER, failedAttempt + 1);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(original.getMessageId())
                .contentType(original.getContentType())
                .contentEncoding(original.getContentEncoding())
                .correlationId(original.getCorrelationId())
                .type(original.getType())
                .appId(original.getAppId())
                .timestamp(original.getTimestamp())
                .headers(headers)
                .deliveryMode(PERSISTENT)
                .build();
        publish("", queue.retryQueue(retries.delayIndex(failedAttempt)), properties, body);
    }

    private static AMQP.BasicProperties properties(String messageId, int attempt, TraceParent trace) {
        return new AMQP.BasicProperties.Builder()
                .messageId(messageId)
                .contentType(JSON)
                .deliveryMode(PERSISTENT)
                .headers(Map.of(CellEventTypes.TRACEPARENT_HEADER, trace.header(), WorkQueues.ATTEMPT_HEADER, attempt))
                .build();
    }

    private byte[] encoded(Object message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (IOException impossible) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName() + " as JSON", impossible);
        }
    }

    /**
     * Publishes as mandatory: a message no queue takes (its queue was never declared, or was deleted) comes back to
     * the publisher before the broker's confirm, instead of being confirmed and dropped.
     */
    private void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        Channel channel;
        try {
            channel = channels.getChannel();
        } catch (IOException unavailable) {
            throw new PublishFailedException("no channel to the broker for " + describe(exchange, routingKey) + ": " + unavailable, unavailable);
        }
        AtomicReference<String> returned = new AtomicReference<>();
        ReturnListener unroutable = channel.addReturnListener(message -> returned.set(message.getReplyText()));
        try {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, true, properties, body);
            channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
        } catch (IOException | TimeoutException | RuntimeException unconfirmed) {
            throw new PublishFailedException("the broker did not confirm message " + properties.getMessageId() + " to " + describe(exchange, routingKey)
                    + ": " + unconfirmed, unconfirmed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted waiting for the broker to confirm message " + properties.getMessageId(), interrupted);
        } finally {
            channel.removeReturnListener(unroutable);
            channels.returnChannel(channel);
        }
        if (returned.get() != null) {
            throw new PublishFailedException("no queue took message " + properties.getMessageId() + " sent to " + describe(exchange, routingKey) + " ("
                    + returned.get() + "): are the workers' queues declared?", null);
        }
    }

    private static String describe(String exchange, String routingKey) {
        return (exchange.isEmpty() ? "the default exchange" : exchange) + " (" + routingKey + ")";
    }
}
