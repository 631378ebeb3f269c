package io.atoll.cell.workers.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import io.atoll.cell.contracts.events.CellEventTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * The test's own connection to the cell's vhost: it hears every job event the way another service of the cell would,
 * publishes what a test sends the workers itself, and looks into queues.
 */
public final class Broker implements AutoCloseable {
    /** One event as it arrived. */
    public record Delivery(String routingKey, AMQP.BasicProperties properties, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Connection connection;
    private final Channel channel;
    private final List<Delivery> jobEvents = new CopyOnWriteArrayList<>();

    private Broker(Connection connection, Channel channel) {
        this.connection = connection;
        this.channel = channel;
    }

    static Broker connect(BrokerVhost vhost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(vhost.host());
        factory.setPort(vhost.port());
        factory.setUsername(vhost.username());
        factory.setPassword(vhost.password());
        factory.setVirtualHost(vhost.name());
        // Back soon after a broker restart, with its queue of job events declared again (the client's recovery).
        factory.setNetworkRecoveryInterval(500);
        try {
            Connection connection = factory.newConnection("workers-test");
            Broker broker = new Broker(connection, connection.createChannel());
            Channel events = connection.createChannel();
            events.exchangeDeclare(CellEventTypes.EXCHANGE, BuiltinExchangeType.TOPIC, true);
            String queue = events.queueDeclare().getQueue();
            events.queueBind(queue, CellEventTypes.EXCHANGE, "job.*");
            events.basicConsume(queue, true, new DefaultConsumer(events) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    broker.jobEvents.add(new Delivery(envelope.getRoutingKey(), properties, body));
                }
            });
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code job.*} event published since the broker connected. */
    public List<Delivery> jobEvents() {
        return List.copyOf(jobEvents);
    }

    public synchronized void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        try {
            channel.basicPublish(exchange, routingKey, properties, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the next message of a queue, if there is one. */
    public synchronized Optional<GetResponse> take(String queue) {
        try {
            return Optional.ofNullable(channel.basicGet(queue, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | RuntimeException alreadyClosed) {
            // The vhost may be gone already: nothing is left to close.
        }
    }
}
