package io.atoll.cell.app.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.atoll.cell.app.Api;
import io.atoll.cell.app.Reply;
import io.atoll.cell.app.TestCassandraProperties;
import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.RabbitVhost;
import io.atoll.testing.TestServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The cell's events, published as storage publishes them, becoming items of the members' feeds. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedEventsIT implements TestPropertyProvider {
    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_feed_events");
    private final RabbitVhost vhost = TestServers.rabbitmq().createVhost("app-feed-events");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CellEventConsumer consumer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestCassandraProperties.of(keyspace));
        properties.putAll(vhost.micronautProperties());
        properties.put("atoll.app.feed-events.enabled", "true");
        return properties;
    }

    @AfterAll
    void dropServers() {
        keyspace.close();
        vhost.close();
    }

    @Test
    void anEventDeliveredTwiceIsOneFeedItemAndEventsOfNoInterestAreLeftOut() throws Exception {
        String member = "member-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CellEvent placed = new CellEvent(UUID.randomUUID().toString(), CellEventTypes.ORDER_PLACED, now, "eu-west-1", member, "order-42",
                Map.of("status", "placed", "totalPrice", "25.00", "currency", "EUR", "lineCount", 2));
        CellEvent joined = new CellEvent(UUID.randomUUID().toString(), CellEventTypes.MEMBER_JOINED, now, "eu-west-1", member, member, Map.of());
        CellEvent stored = new CellEvent(UUID.randomUUID().toString(), CellEventTypes.UPLOAD_STORED, now.plusMillis(1), "eu-west-1", member,
                "upload-7", Map.of("contentType", "image/png", "sizeBytes", 1024));

        await().atMost(Duration.ofSeconds(30)).until(consumer::connected);
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            // Published to the exchange itself (as storage's relay does), with the routing key the event's type.
            publish(channel, placed);
            publish(channel, joined);
            publish(channel, placed);
            publish(channel, stored);
        }

        Api api = new Api(client);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.get(member, "/v1/sync").list("items")).extracting(item -> item.get("sourceId")).contains("upload-7"));
        Reply sync = api.get(member, "/v1/sync");

        // The second delivery of order.placed came before upload.stored, which is in: it was taken in, and left no item.
        List<Map<String, Object>> items = sync.list("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).containsEntry("kind", "order").containsEntry("sourceId", "order-42").containsEntry("type", "order.placed")
                .containsEntry("occurredAt", now.toString()).doesNotContainKey("deviceId");
        assertThat(items.get(0).get("attributes")).isEqualTo(Map.of("status", "placed", "totalPrice", "25.00", "currency", "EUR", "lineCount", "2"));
        assertThat(items.get(1)).containsEntry("kind", "upload").containsEntry("sourceId", "upload-7").containsEntry("type", "upload.stored");
    }

    @Test
    void theAppsQueueIsDurableAndBoundToOrderAndUploadEvents() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(consumer::connected);
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            AMQP.Queue.DeclareOk queue = channel.queueDeclarePassive("app.feed");
            assertThat(queue.getConsumerCount()).isEqualTo(1);
            // Declaring again with the app's arguments succeeds only if they are the same: durable, not exclusive or auto-deleted.
            channel.queueDeclare("app.feed", true, false, false, Map.of());
            channel.exchangeDeclare(CellEventTypes.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        }
    }

    private Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(vhost.host());
        factory.setPort(vhost.port());
        factory.setUsername(vhost.username());
        factory.setPassword(vhost.password());
        factory.setVirtualHost(vhost.name());
        return factory.newConnection("feed-events-it");
    }

    private static void publish(Channel channel, CellEvent event) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(event.id())
                .contentType("application/json")
                .deliveryMode(2)
                .headers(Map.of(CellEventTypes.TRACEPARENT_HEADER, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .build();
        channel.basicPublish(CellEventTypes.EXCHANGE, event.type(), properties, ObjectMapper.getDefault().writeValueAsBytes(event));
    }
}
