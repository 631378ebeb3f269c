package io.atoll.cell.storage.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.config.OutboxSettings;
import io.atoll.cell.storage.config.RabbitSettings;
import io.atoll.cell.storage.store.OutboxEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Publishes outbox events to the cell's topic exchange with publisher confirms. One connection and channel,
 * used by the relay's one thread; after any failure both are dropped and made anew on the next batch, so a
 * broker that was away is simply reconnected to.
 */
@Singleton
public class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final int PERSISTENT = 2;

    private final ConnectionFactory factory;
    private final OutboxSettings settings;
    private Connection connection;
    private Channel channel;

    EventPublisher(RabbitSettings rabbit, OutboxSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        factory = new ConnectionFactory();
        factory.setHost(rabbit.host());
        factory.setPort(rabbit.port());
        factory.setUsername(rabbit.username());
        factory.setPassword(rabbit.password());
        factory.setVirtualHost(rabbit.virtualHost());
        // The relay reconnects itself, at the start of its next batch: the client's own recovery would replay
        // a channel whose unconfirmed publishes the relay has already given up on.
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout((int) settings.confirmTimeout().toMillis());
    }

    /** Sends every event of the batch, then waits for the broker to confirm them all; throws if it does not. */
    public synchronized void publish(List<OutboxEvent> batch) {
        try {
            Channel open = channel();
            for (OutboxEvent event : batch) {
                open.basicPublish(CellEventTypes.EXCHANGE, event.type(), false, properties(event),
                        event.payload().getBytes(StandardCharsets.UTF_8));
            }
            open.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            disconnect();
            throw new PublishFailedException("the broker did not take a batch of " + batch.size() + " events: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disconnect();
            throw new PublishFailedException("interrupted while waiting for confirms", e);
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        disconnect();
        connection = factory.newConnection("atoll-storage-outbox");
        channel = connection.createChannel();
        channel.confirmSelect();
        channel.exchangeDeclare(CellEventTypes.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        LOG.info("Connected to RabbitMQ {}:{} vhost {}", factory.getHost(), factory.getPort(), factory.getVirtualHost());
        return channel;
    }

    private static AMQP.BasicProperties properties(OutboxEvent event) {
        return new AMQP.BasicProperties.Builder()
                .messageId(event.id().toString())
                .type(event.type())
                .contentType("application/json")
                .deliveryMode(PERSISTENT)
                .headers(event.traceparent() == null ? Map.of() : Map.of(CellEventTypes.TRACEPARENT_HEADER, event.traceparent()))
                .build();
    }

    @PreDestroy
    synchronized void disconnect() {
        if (connection != null) {
            try {
                connection.abort(1_000);
            } finally {
                connection = null;
                channel = null;
            }
        }
    }
}
