package io.atoll.cell.storage.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.config.OutboxSettings;
import io.atoll.cell.storage.domain.member.MemberService;
import io.atoll.cell.storage.domain.order.Destination;
import io.atoll.cell.storage.domain.order.OrderService;
import io.atoll.cell.storage.domain.order.PlacementRequest;
import io.atoll.cell.storage.domain.order.RequestedLine;
import io.atoll.cell.storage.messaging.EventPublisher;
import io.atoll.cell.storage.messaging.OutboxRelay;
import io.atoll.cell.storage.store.OutboxEvent;
import io.atoll.cell.storage.store.OutboxStore;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.RabbitVhost;
import io.atoll.testing.TestServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The outbox relay's throughput against what the broker takes from a bare confirmed-publish loop, in one run.
 *
 * <p>A database and a vhost of its own get storage's schema (its Flyway migrations, run by the service as it
 * starts) and N committed events, written as storage writes them: by its order service, one {@code order.placed}
 * per order, after one {@code member.joined}. A durable queue bound to the exchange makes the broker route and
 * store every message. Then, in alternating rounds (each beginning with the next path):
 * <ul>
 *   <li><b>relay</b>: storage's {@link OutboxRelay}, its settings as configured (batch size 250), publishing the
 *       whole backlog: timed from its start until it has confirmed and marked the N-th event;</li>
 *   <li><b>bare loop</b>: the same N payloads with the same properties on one channel in batches of the same
 *       size, {@code waitForConfirmsOrDie} after each: what the broker allows at all;</li>
 *   <li>two halves of the relay, to show where its time goes: storage's {@link EventPublisher} alone (the same
 *       batches, no database), and {@link OutboxStore#publishNextBatch} alone with a publisher that sends nothing
 *       (the database's share: lock, read, mark sent).</li>
 * </ul>
 * After each path the queue is checked to hold N messages and purged; after each database path the rows are
 * made unsent again and the table vacuumed, so every round starts from the same outbox. An untimed pass of every
 * path comes first. Then the relay and the
 * bare loop again at each of the {@code batch-sizes} (one round each).
 *
 * <p>Arguments ({@code --name=value}): {@code events} (20000), {@code rounds} (3), {@code batch-sizes}
 * ({@code 50,200,500}; empty for none).
 */
public final class OutboxRelayBenchmark {
    private static final String CELL = "eu-west-1";
    private static final String QUEUE = "storage-bench-events";
    private static final String MEMBER = "outbox-bench-member";
    private static final Duration LONGEST_PASS = Duration.ofMinutes(10);
    private static final int PERSISTENT = 2;
    private static final OutboxStore.BatchPublisher SEND_NOTHING = batch -> { };

    private final int events;
    private final int rounds;
    private final List<Integer> batchSizes;

    private OutboxRelayBenchmark(BenchOptions options) {
        events = options.number("events", 20_000);
        rounds = options.number("rounds", 3);
        batchSizes = options.numbers("batch-sizes", "50,200,500");
    }

    public static void main(String[] args) throws Exception {
        new OutboxRelayBenchmark(BenchOptions.parse(args)).run();
    }

    private void run() throws Exception {
        try (PostgresDatabase database = TestServers.postgres().createDatabase("storage_bench_outbox");
             RabbitVhost vhost = TestServers.rabbitmq().createVhost("storage_bench_outbox");
             Broker broker = Broker.open(vhost)) {
            List<OutboxEvent> outbox;
            int defaultBatchSize;
            try (ApplicationContext storage = storage(database, vhost, Map.of())) {
                defaultBatchSize = storage.getBean(OutboxSettings.class).batchSize();
                long seeding = System.nanoTime();
                seed(storage);
                outbox = unsent(database);
                if (outbox.size() != events) {
                    throw new IllegalStateException("the outbox holds " + outbox.size() + " unsent events, not " + events);
                }
                System.out.printf("%,d events committed by storage's order service in %.1f s; payloads %d-%d bytes; load average %s%n",
                        events, (System.nanoTime() - seeding) / 1e9, outbox.stream().mapToInt(event -> event.payload().length()).min().orElse(0),
                        outbox.stream().mapToInt(event -> event.payload().length()).max().orElse(0), BenchOptions.loadAverage());
                System.out.printf("a warm-up pass of each path, then %d rounds at batch size %d, each beginning with the next path%n",
                        rounds, defaultBatchSize);
                List<Pass> passes = List.of(
                        new Pass("relay (OutboxRelay)", () -> relay(storage, database, broker)),
                        new Pass("bare confirmed-publish loop", () -> bare(outbox, defaultBatchSize, vhost, broker)),
                        new Pass("EventPublisher alone (no database)", () -> publisherAlone(storage, outbox, defaultBatchSize, broker)),
                        new Pass("OutboxStore alone (no broker)", () -> storeAlone(storage, database, defaultBatchSize)));
                // One untimed pass of each path first: the JIT compiles the paths, the broker and database warm up.
                for (Pass pass : passes) {
                    pass.seconds().measure();
                }
                List<List<Double>> rates = new ArrayList<>();
                passes.forEach(pass -> rates.add(new ArrayList<>()));
                for (int round = 1; round <= rounds; round++) {
                    StringBuilder line = new StringBuilder("round " + round + ":");
                    for (int turn = 0; turn < passes.size(); turn++) {
                        int index = (round - 1 + turn) % passes.size();
                        double perSecond = events / passes.get(index).seconds().measure();
                        rates.get(index).add(perSecond);
                        line.append(String.format(" %s %,.0f/s;", passes.get(index).name(), perSecond));
                    }
                    System.out.println(line.append(" load average ").append(BenchOptions.loadAverage()));
                }
                System.out.println();
                System.out.printf("| path (batch size %d) | events/s (median of %d) | rounds | / bare loop |%n", defaultBatchSize, rounds);
                System.out.println("|---|---|---|---|");
                double bare = median(rates.get(1));
                for (int index = 0; index < passes.size(); index++) {
                    List<Double> pathRates = rates.get(index);
                    System.out.printf("| %s | %,.0f | %s | %.2f |%n", passes.get(index).name(), median(pathRates),
                            String.join(" · ", pathRates.stream().map(rate -> String.format("%,.0f", rate)).toList()), median(pathRates) / bare);
                }
                List<String> ratios = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    ratios.add(String.format("%.2f", rates.get(0).get(round) / rates.get(1).get(round)));
                }
                System.out.println("relay / bare loop per round: " + String.join(" · ", ratios));
            }
            if (!batchSizes.isEmpty()) {
                System.out.println();
                System.out.println("| batch size | relay events/s | bare loop events/s | relay / bare loop |");
                System.out.println("|---|---|---|---|");
            }
            for (int batchSize : batchSizes) {
                try (ApplicationContext storage = storage(database, vhost, Map.of("atoll.storage.outbox.batch-size", batchSize))) {
                    double relay = events / relay(storage, database, broker);
                    double bare = events / bare(outbox, batchSize, vhost, broker);
                    System.out.printf("| %d | %,.0f | %,.0f | %.2f |%n", batchSize, relay, bare, relay / bare);
                }
            }
            System.out.println("load average " + BenchOptions.loadAverage() + " at the end");
        }
    }

    /** Storage's beans on the benchmark's database and vhost; its relay is started and stopped by the benchmark. */
    private static ApplicationContext storage(PostgresDatabase database, RabbitVhost vhost, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("atoll.cell.id", CELL);
        properties.put("atoll.cell.region", CELL);
        properties.put("atoll.storage.database.url", database.jdbcUrl());
        properties.put("atoll.storage.database.migration-username", database.username());
        properties.put("atoll.storage.database.migration-password", database.password());
        properties.put("atoll.storage.outbox.relay-enabled", false);
        properties.put("atoll.storage.s3.create-bucket", false);
        properties.putAll(vhost.micronautProperties());
        properties.putAll(overrides);
        return ApplicationContext.run(properties);
    }

    /** One member joins, then places {@code events - 1} orders of one to three lines: as many committed events. */
    private void seed(ApplicationContext storage) throws Exception {
        storage.getBean(MemberService.class).ensure(MEMBER, Optional.empty());
        OrderService orders = storage.getBean(OrderService.class);
        List<String> skus = List.of("GAS-230G", "POT-TI-750", "LAMP-HEAD-400", "MUG-STEEL-350", "FILTER-SQUEEZE");
        Destination destination = new Destination(Optional.of("Aoife Byrne"), "12 Quay Street", Optional.empty(), "Galway", "H91 X2Y3", "IE");
        // Placing an order waits on the database more than it computes: a few writers fill the outbox sooner.
        int writers = 4;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int first = writer;
                done.add(threads.submit(() -> {
                    for (int index = first; index < events - 1; index += writers) {
                        List<RequestedLine> lines = new ArrayList<>();
                        for (int line = 0; line <= index % 3; line++) {
                            lines.add(new RequestedLine(skus.get((index + line) % skus.size()), 1 + index % 4));
                        }
                        orders.place(MEMBER, "seed-" + index, new PlacementRequest(lines, destination));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Storage's relay publishing the whole backlog; answers the seconds until the broker confirmed the last event. */
    private double relay(ApplicationContext storage, PostgresDatabase database, Broker broker) throws Exception {
        OutboxRelay relay = storage.getBean(OutboxRelay.class);
        Counter published = storage.getBean(MeterRegistry.class).counter("atoll.storage.outbox.published");
        Counter failures = storage.getBean(MeterRegistry.class).counter("atoll.storage.outbox.relay.failures");
        double before = published.count();
        double failedBefore = failures.count();
        long started = System.nanoTime();
        long deadline = started + LONGEST_PASS.toNanos();
        relay.start();
        // The counter moves once a batch's transaction has committed, after its confirms.
        while (published.count() - before < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay published " + (published.count() - before) + " events in " + LONGEST_PASS);
            }
            LockSupport.parkNanos(1_000_000);
        }
        long elapsed = System.nanoTime() - started;
        relay.stop();
        if (failures.count() != failedBefore) {
            throw new IllegalStateException("the relay failed " + (failures.count() - failedBefore) + " batches: not a clean measurement");
        }
        requireBacklog(database, 0);
        broker.takeAll(events);
        resetOutbox(database);
        return elapsed / 1e9;
    }

    /** The same payloads and properties on one confirmed channel, in batches of the relay's size. */
    private double bare(List<OutboxEvent> outbox, int batchSize, RabbitVhost vhost, Broker broker) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = Broker.factory(vhost).newConnection("storage-bench-bare-loop");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int from = 0; from < outbox.size(); from += batchSize) {
                for (OutboxEvent event : outbox.subList(from, Math.min(from + batchSize, outbox.size()))) {
                    channel.basicPublish(CellEventTypes.EXCHANGE, event.type(), false, properties(event),
                            event.payload().getBytes(StandardCharsets.UTF_8));
                }
                channel.waitForConfirmsOrDie(10_000);
            }
        }
        long elapsed = System.nanoTime() - started;
        broker.takeAll(events);
        return elapsed / 1e9;
    }

    /** Storage's publisher given the batches straight from memory: the relay without its database work. */
    private double publisherAlone(ApplicationContext storage, List<OutboxEvent> outbox, int batchSize, Broker broker) throws Exception {
        EventPublisher publisher = storage.getBean(EventPublisher.class);
        long started = System.nanoTime();
        for (int from = 0; from < outbox.size(); from += batchSize) {
            publisher.publish(outbox.subList(from, Math.min(from + batchSize, outbox.size())));
        }
        long elapsed = System.nanoTime() - started;
        broker.takeAll(events);
        return elapsed / 1e9;
    }

    /** Storage's outbox transactions with a publisher that sends nothing: the relay without the broker. */
    private double storeAlone(ApplicationContext storage, PostgresDatabase database, int batchSize) throws SQLException {
        OutboxStore store = storage.getBean(OutboxStore.class);
        long started = System.nanoTime();
        int marked = 0;
        for (int batch = store.publishNextBatch(batchSize, SEND_NOTHING); batch > 0; batch = store.publishNextBatch(batchSize, SEND_NOTHING)) {
            marked += batch;
        }
        long elapsed = System.nanoTime() - started;
        if (marked != events) {
            throw new IllegalStateException("the store marked " + marked + " events, not " + events);
        }
        resetOutbox(database);
        return elapsed / 1e9;
    }

    /** As storage's publisher sets them. */
    private static AMQP.BasicProperties properties(OutboxEvent event) {
        return new AMQP.BasicProperties.Builder()
                .messageId(event.id().toString())
                .type(event.type())
                .contentType("application/json")
                .deliveryMode(PERSISTENT)
                .headers(event.traceparent() == null ? Map.of() : Map.of(CellEventTypes.TRACEPARENT_HEADER, event.traceparent()))
                .build();
    }

    private static List<OutboxEvent> unsent(PostgresDatabase database) throws SQLException {
        try (java.sql.Connection connection = owner(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT position, id, type, payload, traceparent FROM outbox_events WHERE sent_at IS NULL ORDER BY position")) {
            List<OutboxEvent> outbox = new ArrayList<>();
            while (rows.next()) {
                outbox.add(new OutboxEvent(rows.getLong("position"), rows.getObject("id", UUID.class), rows.getString("type"),
                        rows.getString("payload"), rows.getString("traceparent")));
            }
            return outbox;
        }
    }

    private static void requireBacklog(PostgresDatabase database, long expected) throws SQLException {
        try (java.sql.Connection connection = owner(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox_events WHERE sent_at IS NULL")) {
            rows.next();
            if (rows.getLong(1) != expected) {
                throw new IllegalStateException(rows.getLong(1) + " events unsent, expected " + expected);
            }
        }
    }

    /**
     * Makes every event unsent again, and vacuums: the next round's relay then finds the outbox as the first
     * found it, not behind the dead row versions the last round left.
     */
    private static void resetOutbox(PostgresDatabase database) throws SQLException {
        try (java.sql.Connection connection = owner(database); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE outbox_events SET sent_at = NULL");
            statement.execute("VACUUM ANALYZE outbox_events");
        }
    }

    private static java.sql.Connection owner(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    @FunctionalInterface
    private interface Measurement {
        /** Runs the path once over all events; answers its seconds. */
        double measure() throws Exception;
    }

    private record Pass(String name, Measurement seconds) {
    }

    /** The benchmark's own view of the vhost: a durable queue that every event is routed to, checked and purged after each path. */
    private record Broker(Connection connection, Channel channel) implements AutoCloseable {
        static Broker open(RabbitVhost vhost) throws IOException, TimeoutException {
            Connection connection = factory(vhost).newConnection("storage-bench-queue");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(CellEventTypes.EXCHANGE, BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(QUEUE, true, false, false, Map.of());
            channel.queueBind(QUEUE, CellEventTypes.EXCHANGE, "#");
            return new Broker(connection, channel);
        }

        static ConnectionFactory factory(RabbitVhost vhost) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(vhost.host());
            factory.setPort(vhost.port());
            factory.setUsername(vhost.username());
            factory.setPassword(vhost.password());
            factory.setVirtualHost(vhost.name());
            return factory;
        }

        /** Every message of a path must have been routed to and stored in the queue; then it is emptied. */
        void takeAll(int expected) throws IOException {
            int stored = channel.queueDeclarePassive(QUEUE).getMessageCount();
            if (stored != expected) {
                throw new IllegalStateException("the queue holds " + stored + " messages, not " + expected);
            }
            channel.queuePurge(QUEUE);
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
