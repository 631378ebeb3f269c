package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.BasicProperties;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.domain.pipeline.Handling;
import io.atoll.cell.workers.domain.pipeline.PipelineStorage;
import io.atoll.cell.workers.domain.pipeline.RetryPolicy;
import io.atoll.cell.workers.domain.pipeline.UnprocessableException;
import io.atoll.cell.workers.storage.StorageRefusedException;
import io.micronaut.rabbitmq.bind.RabbitAcknowledgement;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How every message of the workers is handled, whatever its queue:
 * <ol>
 *   <li>its trace (the {@code traceparent} header) goes into the logging context and on to every call it causes;</li>
 *   <li>a message whose id the consumer has recorded as handled is acknowledged and nothing else (a duplicate);</li>
 *   <li>the work is done; once its effect is durable the message is recorded as handled, then acknowledged;</li>
 *   <li>work that failed is put into the next retry queue with its attempt counted, then acknowledged; after the
 *   last attempt, and at once for a message no delivery can handle (unreadable, unknown, refused by storage), it
 *   is rejected into the queue's dead-letter queue.</li>
 * </ol>
 */
@Singleton
public final class DeliveryProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcessor.class);

    private final PipelineStorage storage;
    private final RabbitPublisher publisher;
    private final RetryPolicy retries;
    private final InFlightDeliveries inFlight;
    private final WorkerMetrics metrics;

    DeliveryProcessor(PipelineStorage storage, RabbitPublisher publisher, RetryPolicy retries, InFlightDeliveries inFlight, WorkerMetrics metrics) {
        this.storage = requireNonNull(storage, "storage is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.retries = requireNonNull(retries, "retries is null");
        this.inFlight = requireNonNull(inFlight, "inFlight is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Reads a message's body; any failure means no delivery of it can be handled. */
    @FunctionalInterface
    interface MessageReader<T> {
        T read(byte[] body) throws IOException;
    }

    @FunctionalInterface
    interface MessageWork<T> {
        Handling handle(T message, TraceParent trace) throws InterruptedException;
    }

    /**
     * @param consumer the name the consumer records handled messages under
     */
    <T> void process(String consumer, WorkQueue queue, byte[] body, BasicProperties properties, RabbitAcknowledgement acknowledgement,
                     MessageReader<T> reader, MessageWork<T> work) {
        InFlightDeliveries.Delivery delivery = inFlight.begin(acknowledgement);
        if (delivery == null) {
            LOG.debug("Stopping: message {} on {} is left for another worker", properties.getMessageId(), queue.name());
            return;
        }
        TraceParent trace = traceOf(properties);
        MDC.put(TraceContextFilter.MDC_KEY, trace.traceId());
        String messageId = properties.getMessageId();
        int attempt = attemptOf(properties);
        try {
            T message = read(reader, body);
            if (messageId == null || messageId.isBlank()) {
                throw new UnprocessableException("the message has no message id to record it under");
            }
            if (storage.processed(consumer, messageId, trace)) {
                LOG.info("Message {} on {} was handled already; acknowledged as a duplicate", messageId, queue.name());
                delivery.ack();
                return;
            }
            Handling handling = work.handle(message, trace);
            switch (handling) {
                case DONE -> {
                    storage.markProcessed(consumer, messageId, trace);
                    delivery.ack();
                }
                case RETRY -> retry(queue, properties, body, attempt, delivery);
                case LEFT_TO_ANOTHER -> delivery.ack();
            }
        } catch (UnprocessableException | StorageRefusedException never) {
            deadLetter(queue, messageId, "unprocessable", never, delivery);
        } catch (InterruptedException stopping) {
            LOG.info("Message {} on {} was interrupted as the worker stops; it goes back to its queue", messageId, queue.name());
            delivery.requeue();
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            if (retries.attemptsRemain(attempt)) {
                LOG.warn("Message {} on {} failed on attempt {}, tried again after {}: {}", messageId, queue.name(), attempt,
                        retries.delays().get(retries.delayIndex(attempt)), failure.toString());
                retry(queue, properties, body, attempt, delivery);
            } else {
                deadLetter(queue, messageId, "exhausted", failure, delivery);
            }
        } finally {
            inFlight.end(delivery);
            MDC.remove(TraceContextFilter.MDC_KEY);
        }
    }

    private static <T> T read(MessageReader<T> reader, byte[] body) {
        try {
            return reader.read(body);
        } catch (IOException | RuntimeException unreadable) {
            throw new UnprocessableException("the message body cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    private void retry(WorkQueue queue, BasicProperties properties, byte[] body, int attempt, InFlightDeliveries.Delivery delivery) {
        try {
            publisher.retry(queue, properties, body, attempt);
            delivery.ack();
        } catch (RuntimeException notRetried) {
            LOG.warn("Message {} on {} could not be put into a retry queue; it goes back to its queue: {}", properties.getMessageId(), queue.name(),
                    notRetried.toString());
            delivery.requeue();
        }
    }

    private void deadLetter(WorkQueue queue, String messageId, String reason, RuntimeException why, InFlightDeliveries.Delivery delivery) {
        LOG.error("Message {} on {} goes to {} ({}): {}", messageId, queue.name(), queue.deadLetterQueue(), reason, why.toString());
        metrics.deadLettered(queue.name(), reason);
        delivery.reject();
    }

    /** This worker's span of the message's trace, or a new trace for a message that came without one. */
    static TraceParent traceOf(BasicProperties properties) {
        Object header = properties.getHeaders() == null ? null : properties.getHeaders().get(CellEventTypes.TRACEPARENT_HEADER);
        Optional<TraceParent> parent = header == null ? Optional.empty() : TraceParent.parse(header.toString());
        return parent.map(TraceParent::child).orElseGet(TraceParent::newTrace);
    }

    /** Which delivery of the message this is: 1 unless a retry counted more. */
    static int attemptOf(BasicProperties properties) {
        Object header = properties.getHeaders() == null ? null : properties.getHeaders().get(WorkQueues.ATTEMPT_HEADER);
        if (header instanceof Number number) {
            return Math.max(1, number.intValue());
        }
        if (header != null) {
            try {
                return Math.max(1, Integer.parseInt(header.toString().trim()));
            } catch (NumberFormatException unreadable) {
                return 1;
            }
        }
        return 1;
    }
}
