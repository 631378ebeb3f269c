package io.atoll.cell.storage.messaging;

import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.EventCollector;
import io.atoll.cell.storage.support.Orders;
import io.atoll.cell.storage.support.Reply;
import io.atoll.cell.storage.support.StorageUnderTest;
import io.atoll.cell.storage.support.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every committed change reaches the cell's exchange, at least once, under its own stable message id. */
class OutboxIT {
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private StorageUnderTest storage;
    private EventCollector collector;

    @BeforeEach
    void create() {
        storage = StorageUnderTest.create("storage_outbox");
        collector = EventCollector.bind(storage.vhost());
    }

    @AfterEach
    void drop() throws IOException {
        collector.close();
        storage.close();
    }

    @Test
    void eachEventIsPublishedAsTheContractSays() throws IOException {
        try (EmbeddedServer server = storage.start()) {
            Api api = storage.api(server);
            String member = UUID.randomUUID().toString();
            Reply placed = api.send(api.request("/storage/v1/members/" + member + "/orders")
                    .header("Content-Type", "application/json").header("Idempotency-Key", "traced")
                    .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(Orders.body("FR", "GAS-230G", 2)))));
            api.post("/storage/v1/orders/" + placed.text("id") + "/transitions", Map.of("status", "fulfilled", "actor", "logistics"));

            await().atMost(DELIVERY).until(() -> collector.deliveries().size() >= 3);

            assertThat(collector.deliveries()).extracting(EventCollector.Delivery::routingKey)
                    .containsExactly(CellEventTypes.MEMBER_JOINED, CellEventTypes.ORDER_PLACED, CellEventTypes.ORDER_FULFILLED);
            EventCollector.Delivery orderPlaced = collector.deliveries().get(1);
            assertThat(orderPlaced.properties().getContentType()).isEqualTo("application/json");
            assertThat(orderPlaced.properties().getDeliveryMode()).isEqualTo(2);
            assertThat(orderPlaced.properties().getHeaders().get(CellEventTypes.TRACEPARENT_HEADER).toString())
                    .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
            Map<String, Object> event = ObjectMapper.getDefault().readValue(orderPlaced.body(), Argument.mapOf(String.class, Object.class));
            assertThat(event).containsEntry("id", orderPlaced.messageId()).containsEntry("type", "order.placed")
                    .containsEntry("cell", "eu-west-1").containsEntry("memberId", member).containsEntry("subjectId", placed.text("id"))
                    .containsEntry("data", Map.of("status", "placed", "totalPrice", "13.00", "currency", "EUR", "lineCount", 1,
                            "totalWeightGrams", 740, "warehouseRegion", "eu-west-1"));
            awaitEveryEventMarkedSent();
            assertThat(server.getApplicationContext().getBean(MeterRegistry.class).counter("atoll.storage.outbox.published").count())
                    .isEqualTo(3.0);
        }
    }

    /**
     * The suite places a few hundred orders; the long run of the same test places as many as
     * {@code -Datoll.outbox.fault-orders=10000} says (docs/benchmarks.md, Storage).
     */
    @Test
    void noCommittedEventIsLostWhileTheRelayIsStoppedAndStartedMidStream() throws Exception {
        int total = Integer.getInteger("atoll.outbox.fault-orders", 200);
        Duration quarterOfTheRun = DELIVERY.plusMillis(total * 10L);
        try (EmbeddedServer server = storage.start(Map.of("atoll.storage.outbox.batch-size", 20))) {
            Api api = storage.api(server);
            OutboxRelay relay = server.getApplicationContext().getBean(OutboxRelay.class);
            AtomicBoolean placing = new AtomicBoolean(true);
            AtomicInteger placed = new AtomicInteger();
            Thread orders = new Thread(() -> {
                String member = UUID.randomUUID().toString();
                while (placing.get()) {
                    if (api.placeOrder(member, "k-" + placed.get(), Orders.body("FR", "GAS-230G", 1)).status() == 201) {
                        placed.incrementAndGet();
                    }
                }
            });
            orders.start();
            for (int round = 1; round <= 4; round++) {
                int target = round * total / 5;
                await().atMost(quarterOfTheRun).until(() -> placed.get() >= target);
                relay.stop();
                await().atMost(quarterOfTheRun).until(() -> placed.get() >= target + total / 10);
                relay.start();
            }
            await().atMost(quarterOfTheRun).until(() -> placed.get() >= total);
            placing.set(false);
            orders.join();

            await().atMost(quarterOfTheRun).untilAsserted(() ->
                    assertThat(collector.messageIds()).hasSize((int) storage.count("SELECT count(*) FROM outbox_events")));
            assertThat(collector.messageIds()).hasSize(placed.get() + 1);
            awaitEveryEventMarkedSent();
        }
    }

    @Test
    void ordersAreAcceptedWhileTheBrokerIsAwayAndTheirEventsFollowWhenItIsBack() {
        try (TcpProxy broker = TcpProxy.to(storage.vhost().host(), storage.vhost().port());
             EmbeddedServer server = storage.start(Map.of("rabbitmq.port", broker.port(),
                     "atoll.storage.outbox.max-reconnect-delay", "1s"))) {
            Api api = storage.api(server);
            String member = UUID.randomUUID().toString();
            api.placeOrder(member, "before", Orders.body("FR", "GAS-230G", 1));
            await().atMost(DELIVERY).until(() -> collector.deliveries().size() == 2);

            broker.cut();
            for (int index = 0; index < 10; index++) {
                assertThat(api.placeOrder(member, "during-" + index, Orders.body("FR", "GAS-230G", 1)).status()).isEqualTo(201);
            }
            MeterRegistry meters = server.getApplicationContext().getBean(MeterRegistry.class);
            await().atMost(DELIVERY).until(() -> meters.counter("atoll.storage.outbox.relay.failures").count() >= 1);
            assertThat(meters.get("atoll.storage.outbox.backlog").gauge().value()).isEqualTo(10.0);
            assertThat(collector.deliveries()).hasSize(2);

            broker.restore();

            await().atMost(DELIVERY).until(() -> collector.messageIds().size() == 12);
            awaitEveryEventMarkedSent();
        }
    }

    /** A row is marked sent only after the broker's confirm, so a consumer may see the message a moment earlier. */
    private void awaitEveryEventMarkedSent() {
        await().atMost(DELIVERY).untilAsserted(() ->
                assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE sent_at IS NULL")).isZero());
    }

    @Test
    void twoRelaysOnOneOutboxPublishEachEventOnce() throws Exception {
        try (EmbeddedServer first = storage.start(Map.of("atoll.storage.outbox.batch-size", 10));
             EmbeddedServer second = storage.start(Map.of("atoll.storage.outbox.batch-size", 10))) {
            first.getApplicationContext().getBean(OutboxRelay.class).stop();
            second.getApplicationContext().getBean(OutboxRelay.class).stop();
            Api api = storage.api(first);
            String member = UUID.randomUUID().toString();
            for (int index = 0; index < 150; index++) {
                api.placeOrder(member, "k-" + index, Orders.body("FR", "GAS-230G", 1));
            }

            first.getApplicationContext().getBean(OutboxRelay.class).start();
            second.getApplicationContext().getBean(OutboxRelay.class).start();

            await().atMost(DELIVERY).until(() -> collector.messageIds().size() == 151);
            await().during(Duration.ofMillis(500)).atMost(DELIVERY).until(() -> collector.deliveries().size() == 151);
            MeterRegistry firstMeters = first.getApplicationContext().getBean(MeterRegistry.class);
            MeterRegistry secondMeters = second.getApplicationContext().getBean(MeterRegistry.class);
            assertThat(firstMeters.counter("atoll.storage.outbox.published").count()
                    + secondMeters.counter("atoll.storage.outbox.published").count()).isEqualTo(151.0);
        }
    }
}
