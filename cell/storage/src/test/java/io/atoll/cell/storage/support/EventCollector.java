package io.atoll.cell.storage.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.testing.RabbitVhost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** A consumer of everything published to the cell's event exchange, as a worker would bind to it. */
public final class EventCollector implements AutoCloseable {
    /** One delivery as it arrived. */
    public record Delivery(String routingKey, AMQP.BasicProperties properties, String body) {
        public String messageId() {
            return properties.getMessageId();
        }
    }

    private final Connection connection;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private EventCollector(Connection connection) {
        this.connection = connection;
    }

    public static EventCollector bind(RabbitVhost vhost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(vhost.host());
        factory.setPort(vhost.port());
        factory.setUsername(vhost.username());
        factory.setPassword(vhost.password());
        factory.setVirtualHost(vhost.name());
        try {
            Connection connection = factory.newConnection("storage-test-collector");
            EventCollector collector = new EventCollector(connection);
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(CellEventTypes.EXCHANGE, BuiltinExchangeType.TOPIC, true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, CellEventTypes.EXCHANGE, "#");
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    collector.deliveries.add(new Delivery(envelope.getRoutingKey(), properties, new String(body, StandardCharsets.UTF_8)));
                }
            });
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public Set<String> messageIds() {
        return deliveries.stream().map(Delivery::messageId).collect(Collectors.toSet());
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
