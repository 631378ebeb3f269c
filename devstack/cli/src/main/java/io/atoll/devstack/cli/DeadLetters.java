package io.atoll.devstack.cli;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.server.Endpoint;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The dead letters of a cell's workers, on the cell's vhost: each workers queue {@code Q} dead-letters to {@code Q.dead}
 * through the default exchange. They are counted, looked at without being taken (each is fetched unacknowledged and
 * given back, in its place, when the channel closes) and replayed: published back to {@code Q} as they were, but with
 * their attempts counted afresh, and taken from {@code Q.dead} only once the broker has confirmed the copy.
 */
final class DeadLetters implements AutoCloseable {
    /** The workers' queues, each with its dead-letter queue. */
    static final List<String> QUEUES = List.of("workers.job-requests", "workers.jobs", "workers.notifications");
    /** The workers' count of a message's deliveries, which decides when it is dead-lettered. */
    static final String ATTEMPT_HEADER = "x-atoll-attempt";
    /** A quorum queue's count of a message's earlier deliveries. */
    private static final String DELIVERY_COUNT = "x-delivery-count";
    private static final String DEAD_SUFFIX = ".dead";
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final Connection connection;
    private final String vhost;

    private DeadLetters(Connection connection, String vhost) {
        this.connection = requireNonNull(connection, "connection is null");
        this.vhost = requireNonNull(vhost, "vhost is null");
    }

    /** One queue's depth and its dead-letter queue's; empty where a queue does not exist (yet). */
    record Depth(String queue, OptionalLong queued, OptionalLong dead) {
        String deadLetterQueue() {
            return DeadLetters.deadLetterQueue(queue);
        }
    }

    static DeadLetters connect(Endpoint broker, String user, String password, String vhost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(vhost);
        factory.setConnectionTimeout(3000);
        factory.setAutomaticRecoveryEnabled(false);
        try {
            return new DeadLetters(factory.newConnection("atoll-dlq"), vhost);
        } catch (IOException | TimeoutException e) {
            throw new PlatformException("RabbitMQ at " + broker + " does not let us into vhost " + vhost + " (" + rootMessage(e)
                    + "); the cell's storage makes the vhost when it first starts, see ./atoll status");
        }
    }

    static String deadLetterQueue(String queue) {
        return queue + DEAD_SUFFIX;
    }

    /** Every workers queue with its dead-letter queue. */
    List<Depth> depths() {
        return QUEUES.stream().map(queue -> new Depth(queue, depth(queue), depth(deadLetterQueue(queue)))).toList();
    }

    /**
     * The first {@code limit} dead letters of {@code queue}, in their order, left where they are: fetched without
     * acknowledgement, and given back by the broker, in their places, when the channel closes.
     */
    List<DeadLetter> peek(String queue, int limit) {
        String dead = deadLetterQueue(queue);
        try (Channel channel = connection.createChannel()) {
            requireQueue(channel, dead);
            List<DeadLetter> letters = new ArrayList<>();
            for (GetResponse message = channel.basicGet(dead, false); message != null; message = channel.basicGet(dead, false)) {
                letters.add(DeadLetter.of(message));
                if (letters.size() == limit) {
                    break;
                }
            }
            return letters;
        } catch (IOException | TimeoutException e) {
            throw new PlatformException("could not read " + dead + " in vhost " + vhost + ": " + rootMessage(e), e);
        }
    }

    /**
     * Publishes the dead letters of {@code queue} back to it (the one with {@code messageId}, or all of them when
     * empty) and takes each from the dead-letter queue once the broker has confirmed its copy. Each replayed one is
     * handed to {@code replayed} as it is done, so that an error midway still leaves a true account of what was.
     *
     * @return how many were replayed
     */
    int replay(String queue, Optional<String> messageId, Consumer<DeadLetter> replayed) {
        String dead = deadLetterQueue(queue);
        try (Channel channel = connection.createChannel()) {
            requireQueue(channel, queue);
            long waiting = requireQueue(channel, dead);
            channel.confirmSelect();
            AtomicReference<String> returned = new AtomicReference<>();
            // A copy the broker could not route (its queue went away) comes back before its confirm.
            channel.addReturnListener(unroutable -> returned.set(unroutable.getReplyText()));
            int count = 0;
            // Only those waiting now: any that die again while this runs are left for the next replay.
            for (long seen = 0; seen < waiting; seen++) {
                GetResponse message = channel.basicGet(dead, false);
                if (message == null) {
                    break;
                }
                DeadLetter letter = DeadLetter.of(message);
                if (messageId.isPresent() && !messageId.equals(letter.messageId())) {
                    continue;
                }
                returned.set(null);
                channel.basicPublish("", queue, true, replayed(message.getProps()), message.getBody());
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
                if (returned.get() != null) {
                    throw new PlatformException(queue + " did not take " + letter.messageId().orElse("a message") + " (" + returned.get()
                            + "); it stays in " + dead);
                }
                channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                replayed.accept(letter);
                count++;
                if (messageId.isPresent()) {
                    break;
                }
            }
            if (messageId.isPresent() && count == 0) {
                throw new PlatformException("no dead letter with message id " + messageId.get() + " in " + dead + " (" + waiting + " waiting)");
            }
            return count;
        } catch (IOException | TimeoutException e) {
            throw new PlatformException("could not replay from " + dead + " in vhost " + vhost + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }

    /**
     * The message's properties for its replay: all of them (its message id too), with its attempts counted afresh
     * and without the broker's records of its deaths and deliveries, which belong to the life it is done with.
     */
    static AMQP.BasicProperties replayed(AMQP.BasicProperties properties) {
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
        headers.keySet().removeIf(name -> name.equals(DeadLetter.DEATHS) || name.equals(DELIVERY_COUNT)
                || name.startsWith("x-first-death-") || name.startsWith("x-last-death-"));
        headers.put(ATTEMPT_HEADER, 1);
        return properties.builder().headers(headers).build();
    }

    /** The number of messages ready in the queue, or a one-line refusal when there is no such queue. */
    private long requireQueue(Channel channel, String queue) throws IOException {
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            throw new PlatformException("there is no queue " + queue + " in vhost " + vhost + " (the cell's workers declare it when they start)");
        }
    }

    /** A queue's ready messages; empty when it does not exist (the broker closes the channel that asked). */
    private OptionalLong depth(String queue) {
        try (Channel channel = connection.createChannel()) {
            return OptionalLong.of(channel.queueDeclarePassive(queue).getMessageCount());
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (TimeoutException e) {
            throw new PlatformException("RabbitMQ did not answer about " + queue + " in vhost " + vhost);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).replace('\n', ' ');
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            throw new PlatformException("could not close the connection to RabbitMQ: " + rootMessage(e), e);
        }
    }
}
