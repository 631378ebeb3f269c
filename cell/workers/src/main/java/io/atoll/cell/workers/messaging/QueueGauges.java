package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.rabbitmq.connect.ChannelPool;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The depth and the consumers of every queue of the workers, as gauges ({@code atoll.workers.queue.messages} and
 * {@code atoll.workers.queue.consumers}, tagged with the queue): what an autoscaler (KEDA's Prometheus scaler)
 * scales the workers on, down to zero. They are read with a passive declare every
 * {@code atoll.workers.messaging.metrics-interval}; a queue that cannot be read shows -1.
 */
@Singleton
@Requires(property = "rabbitmq.enabled", notEquals = "false")
final class QueueGauges {
    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);

    private final ChannelPool channels;
    private final Map<String, AtomicLong> messages = new LinkedHashMap<>();
    private final Map<String, AtomicLong> consumers = new LinkedHashMap<>();

    QueueGauges(ChannelPool channels, WorkQueues queues, MeterRegistry registry) {
        this.channels = requireNonNull(channels, "channels is null");
        for (WorkQueue queue : queues.all()) {
            for (String name : queue.allQueues()) {
                messages.put(name, gauge(registry, "atoll.workers.queue.messages", "Messages ready in the queue", name));
                consumers.put(name, gauge(registry, "atoll.workers.queue.consumers", "Consumers of the queue", name));
            }
        }
    }

    private static AtomicLong gauge(MeterRegistry registry, String metric, String description, String queue) {
        AtomicLong value = new AtomicLong(-1);
        Gauge.builder(metric, value, AtomicLong::get).description(description).tag("queue", queue).register(registry);
        return value;
    }

    @Scheduled(fixedDelay = "${atoll.workers.messaging.metrics-interval}")
    void refresh() {
        for (String queue : messages.keySet()) {
            try {
                AMQP.Queue.DeclareOk declared = declarePassively(queue);
                messages.get(queue).set(declared.getMessageCount());
                consumers.get(queue).set(declared.getConsumerCount());
            } catch (IOException | RuntimeException unreadable) {
                messages.get(queue).set(-1);
                consumers.get(queue).set(-1);
                LOG.debug("could not read queue {}: {}", queue, unreadable.toString());
            }
        }
    }

    /** A passive declare of a queue that is not there closes its channel: every queue is asked on a channel of its own. */
    private AMQP.Queue.DeclareOk declarePassively(String queue) throws IOException {
        Channel channel = channels.getChannel();
        try {
            return channel.queueDeclarePassive(queue);
        } finally {
            channels.returnChannel(channel);
        }
    }
}
