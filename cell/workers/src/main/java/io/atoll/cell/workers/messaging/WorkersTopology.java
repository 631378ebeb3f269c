package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.micronaut.rabbitmq.connect.ChannelInitializer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Declares the workers' exchanges and queues when the broker connection is made (declaring is idempotent, so every
 * worker does it, whichever starts first). All queues are durable quorum queues, replicated on a broker cluster.
 * A work queue dead-letters what it rejects to its {@code .dead} queue through the default exchange; a retry queue
 * holds each message for its delay ({@code x-message-ttl}) and then dead-letters it back to the work queue.
 */
@Singleton
final class WorkersTopology extends ChannelInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(WorkersTopology.class);
    private static final String DEFAULT_EXCHANGE = "";

    private final WorkQueues queues;
    private volatile Optional<String> problem = Optional.of("not declared yet");

    WorkersTopology(WorkQueues queues) {
        this.queues = requireNonNull(queues, "queues is null");
    }

    @Override
    public void initialize(Channel channel, String name) throws IOException {
        try {
            declareAll(channel);
            problem = Optional.empty();
        } catch (IOException | RuntimeException refused) {
            // Typically a queue left by an earlier version with other arguments (PRECONDITION_FAILED): the broker refuses
            // the whole declaration, and without the retry queues every retry would fail.
            problem = Optional.of(rootMessage(refused) + "; a queue declared earlier with other arguments must be deleted"
                    + " (once empty: rabbitmqctl delete_queue -p <vhost> <queue>) for the workers to declare it again");
            throw refused;
        }
    }

    /** Why the queues could not be declared, while they could not be. */
    Optional<String> problem() {
        return problem;
    }

    private void declareAll(Channel channel) throws IOException {
        // The same declaration as storage and the app make of the cell's event exchange; a different one would be refused.
        channel.exchangeDeclare(CellEventTypes.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(WorkQueues.WORKERS_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        for (WorkQueue queue : queues.all()) {
            declare(channel, queue);
        }
        channel.queueBind(WorkQueues.JOB_REQUESTS, CellEventTypes.EXCHANGE, CellEventTypes.JOB_REQUESTED);
        channel.queueBind(WorkQueues.JOBS, WorkQueues.WORKERS_EXCHANGE, WorkQueues.JOB_ROUTING_KEY);
        channel.queueBind(WorkQueues.NOTIFICATIONS, WorkQueues.WORKERS_EXCHANGE, WorkQueues.NOTIFICATION_ROUTING_KEY);
        LOG.info("Declared the workers' queues: {}", queues.all().stream().flatMap(queue -> queue.allQueues().stream()).toList());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static void declare(Channel channel, WorkQueue queue) throws IOException {
        Map<String, Object> dead = quorum();
        // RabbitMQ 4 drops a quorum queue's message after 20 returns by default, and every look at a dead letter
        // (`./atoll dlq show`) returns it: a dead letter must stay until someone replays or removes it.
        dead.put("x-delivery-limit", Integer.MAX_VALUE);
        channel.queueDeclare(queue.deadLetterQueue(), true, false, false, dead);
        Map<String, Object> work = quorum();
        work.put("x-dead-letter-exchange", DEFAULT_EXCHANGE);
        work.put("x-dead-letter-routing-key", queue.deadLetterQueue());
        channel.queueDeclare(queue.name(), true, false, false, work);
        for (int index = 0; index < queue.retryDelays().size(); index++) {
            Map<String, Object> retry = quorum();
            retry.put("x-message-ttl", queue.retryDelays().get(index).toMillis());
            retry.put("x-dead-letter-exchange", DEFAULT_EXCHANGE);
            retry.put("x-dead-letter-routing-key", queue.name());
            channel.queueDeclare(queue.retryQueue(index), true, false, false, retry);
        }
    }

    private static Map<String, Object> quorum() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        return arguments;
    }
}
