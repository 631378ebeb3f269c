package io.atoll.cell.storage.bench;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.domain.event.DomainEvents;
import io.atoll.cell.storage.domain.order.Destination;
import io.atoll.cell.storage.domain.order.Order;
import io.atoll.cell.storage.domain.order.OrderLine;
import io.atoll.cell.storage.domain.order.OrderStatus;
import io.atoll.cell.storage.domain.order.PlacementRequest;
import io.atoll.cell.storage.domain.order.RequestedLine;
import io.atoll.cell.storage.domain.order.WarehouseRegions;
import io.micronaut.serde.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders per second and their latency through the global router (router, the cell's auth, app, storage, the
 * business database), against the same rows inserted directly over JDBC, in one run.
 *
 * <p>Members sign up through the router in one region and log in; then closed-loop workers place orders, each
 * with a fresh {@code Idempotency-Key}, one to three lines of the seeded catalogue and a destination. The
 * baseline makes, per order, the inserts storage's order store makes in its one transaction (the order, its
 * lines, its outbox event: the same statements, values made by storage's own domain classes) on a connection of
 * its own per worker, as the schema owner, for the same members. Both paths are warmed up, then measured in
 * alternating rounds, each round beginning with the next path. Storage's extra work per order beyond the
 * baseline's (finding the key, reading the items, the member on first use) is part of what the ratio shows.
 *
 * <p>Arguments ({@code --name=value}): {@code router} ({@code http://127.0.0.1:8080}), {@code region}
 * ({@code eu-west-1}: sent as {@code X-Client-Region}, so the members live in that cell), {@code database}
 * (that cell's business database, {@code jdbc:postgresql://127.0.0.1:5432/core_eu_west_1}), {@code database-user}
 * ({@code postgres}), {@code members} (32), {@code concurrency} (8), {@code seconds} (measured per path and
 * round, 30), {@code warmup} (per path, 30), {@code rounds} (3).
 */
public final class OrderLoadGenerator {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MEMBER_ID = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final List<Destination> DESTINATIONS = List.of(
            new Destination(Optional.of("Aoife Byrne"), "12 Quay Street", Optional.empty(), "Galway", "H91 X2Y3", "IE"),
            new Destination(Optional.empty(), "8 rue des Lilas", Optional.of("Bâtiment B"), "Lyon", "69003", "FR"),
            new Destination(Optional.of("Jonas Weber"), "Hauptstraße 41", Optional.empty(), "Freiburg", "79098", "DE"));

    private final URI router;
    private final String region;
    private final String database;
    private final String databaseUser;
    private final int members;
    private final int concurrency;
    private final Duration window;
    private final Duration warmup;
    private final int rounds;
    /** What went wrong, by HTTP status or exception, over the whole run. */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private OrderLoadGenerator(BenchOptions options) {
        router = URI.create(options.text("router", "http://127.0.0.1:8080"));
        region = options.text("region", "eu-west-1");
        database = options.text("database", "jdbc:postgresql://127.0.0.1:5432/core_eu_west_1");
        databaseUser = options.text("database-user", "postgres");
        members = options.number("members", 32);
        concurrency = options.number("concurrency", 8);
        window = Duration.ofSeconds(options.number("seconds", 30));
        warmup = Duration.ofSeconds(options.number("warmup", 30));
        rounds = options.number("rounds", 3);
    }

    public static void main(String[] args) throws Exception {
        new OrderLoadGenerator(BenchOptions.parse(args)).run();
    }

    private void run() throws Exception {
        List<CatalogueItem> catalogue = catalogue();
        System.out.printf("%d members in %s, %d concurrent workers, %d active items; %d s warm-up per path, then %d rounds of %d s per path%n",
                members, region, concurrency, catalogue.size(), warmup.toSeconds(), rounds, window.toSeconds());
        List<Member> signedUp = signUp();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<OrderPath> paths = List.of(new RouterOrders(signedUp, catalogue), new DirectInserts(signedUp, catalogue));
            for (OrderPath path : paths) {
                Window warm = drive(threads, path, warmup);
                System.out.printf("warm-up %s: %,.0f orders/s, %d errors%n", path.name(), warm.perSecond(warmup), warm.errors());
                if (path instanceof RouterOrders routerOrders) {
                    // The direct inserts need the members storage made on their first orders.
                    routerOrders.learnMemberIds();
                }
            }
            List<Result> results = paths.stream().map(path -> new Result(path.name())).toList();
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder("round " + round + ":");
                for (int turn = 0; turn < paths.size(); turn++) {
                    int index = (round - 1 + turn) % paths.size();
                    Window measured = drive(threads, paths.get(index), window);
                    results.get(index).add(measured, window);
                    line.append(String.format(" %s %,.0f/s;", paths.get(index).name(), measured.perSecond(window)));
                }
                System.out.println(line.append(" load average ").append(BenchOptions.loadAverage()));
            }
            Result direct = results.get(1);
            System.out.println();
            System.out.println("| path | orders/s | p50 | p99 | errors | / direct JDBC | per round |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Result result : results) {
                System.out.println(result.row(direct));
            }
            if (!failures.isEmpty()) {
                System.out.println("errors, warm-up included: " + failures);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs one worker per concurrent slot against the path for the duration; answers their latencies and errors. */
    private Window drive(ExecutorService threads, OrderPath path, Duration duration) throws Exception {
        long ends = System.nanoTime() + duration.toNanos();
        List<Future<Window>> workers = new ArrayList<>();
        for (int worker = 0; worker < concurrency; worker++) {
            int slot = worker;
            workers.add(threads.submit(() -> path.placeUntil(slot, ends)));
        }
        Window all = new Window(new Histogram(3), 0);
        for (Future<Window> worker : workers) {
            all = all.plus(worker.get());
        }
        return all;
    }

    /** The active items of the cell's catalogue: the skus both paths order, with what storage copies into each line. */
    private List<CatalogueItem> catalogue() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, databaseUser, "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT sku, name, price, weight_grams, currency FROM items WHERE is_active ORDER BY sku");
             ResultSet rows = statement.executeQuery()) {
            List<CatalogueItem> items = new ArrayList<>();
            while (rows.next()) {
                items.add(new CatalogueItem(rows.getString("sku"), rows.getString("name"), rows.getBigDecimal("price"),
                        rows.getInt("weight_grams"), rows.getString("currency")));
            }
            if (items.size() < 3) {
                throw new IllegalStateException("the catalogue of " + database + " has " + items.size() + " active items: is storage migrated?");
            }
            return items;
        }
    }

    private List<Member> signUp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST_TIMEOUT).build();
        List<Member> signedUp = new ArrayList<>();
        for (int index = 0; index < members; index++) {
            Member member = new Member("order-bench-" + UUID.randomUUID() + "@bench.example.com");
            HttpResponse<String> created = http.send(request("/v1/accounts", member.email())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + member.email() + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("signing up through the router answered " + created.statusCode() + ": " + created.body());
            }
            member.token().set(logIn(http, member.email()));
            signedUp.add(member);
        }
        return signedUp;
    }

    private String logIn(HttpClient http, String email) throws IOException, InterruptedException {
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(request("/oauth/token", email)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("logging in through the router answered " + answer.statusCode() + ": " + answer.body());
        }
        return token.group(1);
    }

    /** As the mobile app sends it: the account and region headers let the router place and find the member. */
    private HttpRequest.Builder request(String path, String email) {
        return HttpRequest.newBuilder(router.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("X-Atoll-Account", email)
                .header("X-Client-Region", region);
    }

    /** One to three distinct items, one to three of each, to one of a few destinations. */
    private static PlacementRequest randomOrder(List<CatalogueItem> catalogue) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int first = random.nextInt(catalogue.size());
        int count = 1 + random.nextInt(3);
        List<RequestedLine> lines = new ArrayList<>();
        for (int line = 0; line < count; line++) {
            lines.add(new RequestedLine(catalogue.get((first + line) % catalogue.size()).sku(), 1 + random.nextInt(3)));
        }
        return new PlacementRequest(lines, DESTINATIONS.get(random.nextInt(DESTINATIONS.size())));
    }

    /**
     * A member signed up through the router; {@code storageId} is their id in storage (their account id), learned
     * from their first order.
     */
    private record Member(String email, AtomicReference<String> token, AtomicReference<String> storageId) {
        Member(String email) {
            this(email, new AtomicReference<>(), new AtomicReference<>());
        }
    }

    private record CatalogueItem(String sku, String name, BigDecimal price, int weightGrams, String currency) {
    }

    private record Window(Histogram latencies, int errors) {
        Window plus(Window other) {
            Histogram sum = latencies.copy();
            sum.add(other.latencies);
            return new Window(sum, errors + other.errors);
        }

        double perSecond(Duration length) {
            return latencies.getTotalCount() * 1000.0 / length.toMillis();
        }
    }

    /** One path's measured rounds, added up. */
    private static final class Result {
        private final String name;
        private final Histogram latencies = new Histogram(3);
        private final List<Double> roundRates = new ArrayList<>();
        private int errors;
        private long millis;

        Result(String name) {
            this.name = name;
        }

        void add(Window window, Duration length) {
            latencies.add(window.latencies());
            errors += window.errors();
            millis += length.toMillis();
            roundRates.add(window.perSecond(length));
        }

        double perSecond() {
            return latencies.getTotalCount() * 1000.0 / millis;
        }

        String row(Result direct) {
            List<String> ratios = new ArrayList<>();
            for (int round = 0; round < roundRates.size(); round++) {
                ratios.add(String.format("%.2f", roundRates.get(round) / direct.roundRates.get(round)));
            }
            return String.format("| %s | %,.0f | %.2f ms | %.2f ms | %d | %.2f | %s |", name, perSecond(),
                    latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6, errors,
                    perSecond() / direct.perSecond(), String.join(" · ", ratios));
        }
    }

    private interface OrderPath {
        String name();

        /** Places orders one after the other in this worker slot until the time is up; only successes count as orders. */
        Window placeUntil(int slot, long endsNanos);
    }

    /** Through the router, as the mobile app places an order: each worker on a keep-alive connection of its own. */
    private final class RouterOrders implements OrderPath {
        private final List<Member> members;
        private final List<CatalogueItem> catalogue;
        private final List<HttpClient> clients = new ArrayList<>();

        RouterOrders(List<Member> members, List<CatalogueItem> catalogue) {
            this.members = members;
            this.catalogue = catalogue;
            for (int slot = 0; slot < concurrency; slot++) {
                clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST_TIMEOUT).build());
            }
        }

        @Override
        public String name() {
            return "through the router";
        }

        @Override
        public Window placeUntil(int slot, long endsNanos) {
            HttpClient http = clients.get(slot);
            Histogram latencies = new Histogram(3);
            int errors = 0;
            for (int turn = slot; System.nanoTime() < endsNanos; turn += concurrency) {
                Member member = members.get(turn % members.size());
                String body = json(randomOrder(catalogue));
                long started = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.send(request("/v1/orders", member.email())
                            .header("Authorization", "Bearer " + member.token().get())
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - started;
                    if (answer.statusCode() == 201) {
                        latencies.recordValue(elapsed);
                        if (member.storageId().get() == null) {
                            Matcher id = MEMBER_ID.matcher(answer.body());
                            if (id.find()) {
                                member.storageId().set(id.group(1));
                            }
                        }
                    } else {
                        errors++;
                        failures.merge("HTTP " + answer.statusCode(), 1, Integer::sum);
                        if (answer.statusCode() == 401) {
                            // The access token expired in a long run: log in again, as the mobile app would refresh.
                            member.token().set(logIn(http, member.email()));
                        }
                    }
                } catch (IOException failed) {
                    errors++;
                    failures.merge(failed.getClass().getSimpleName(), 1, Integer::sum);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return new Window(latencies, errors);
        }

        /** After the warm-up every member has ordered at least once, so storage knows them all. */
        void learnMemberIds() {
            long unknown = members.stream().filter(member -> member.storageId().get() == null).count();
            if (unknown > 0) {
                throw new IllegalStateException(unknown + " members placed no order in the warm-up: lengthen it or use fewer members");
            }
        }

        private static String json(PlacementRequest order) {
            StringBuilder json = new StringBuilder("{\"lines\":[");
            for (int index = 0; index < order.lines().size(); index++) {
                RequestedLine line = order.lines().get(index);
                json.append(index == 0 ? "" : ",").append("{\"sku\":\"").append(line.sku()).append("\",\"quantity\":").append(line.quantity()).append('}');
            }
            Destination to = order.destination();
            json.append("],\"destination\":{");
            to.name().ifPresent(name -> json.append("\"name\":\"").append(name).append("\","));
            json.append("\"line1\":\"").append(to.line1()).append("\",");
            to.line2().ifPresent(line2 -> json.append("\"line2\":\"").append(line2).append("\","));
            return json.append("\"city\":\"").append(to.city()).append("\",\"postalCode\":\"").append(to.postalCode())
                    .append("\",\"country\":\"").append(to.country()).append("\"}}").toString();
        }
    }

    /**
     * The rows storage writes for a new order, inserted directly: storage's statements in one transaction per
     * order, the order and its event made by storage's domain classes, as its order service makes them.
     */
    private final class DirectInserts implements OrderPath {
        private final List<Member> members;
        private final List<CatalogueItem> catalogue;
        private final List<Connection> connections = new ArrayList<>();
        private final WarehouseRegions warehouses;
        private final DomainEvents events;

        DirectInserts(List<Member> members, List<CatalogueItem> catalogue) throws SQLException {
            this.members = members;
            this.catalogue = catalogue;
            warehouses = new WarehouseRegions(region);
            events = new DomainEvents(region);
            for (int slot = 0; slot < concurrency; slot++) {
                Connection connection = DriverManager.getConnection(database, databaseUser, "");
                connection.setAutoCommit(false);
                connections.add(connection);
            }
        }

        @Override
        public String name() {
            return "direct JDBC inserts";
        }

        @Override
        public Window placeUntil(int slot, long endsNanos) {
            Connection connection = connections.get(slot);
            Histogram latencies = new Histogram(3);
            int errors = 0;
            for (int turn = slot; System.nanoTime() < endsNanos; turn += concurrency) {
                String memberId = members.get(turn % members.size()).storageId().get();
                PlacementRequest request = randomOrder(catalogue);
                long started = System.nanoTime();
                try {
                    insert(connection, memberId, request);
                    latencies.recordValue(System.nanoTime() - started);
                } catch (SQLException | IOException failed) {
                    errors++;
                    failures.merge(failed.getClass().getSimpleName(), 1, Integer::sum);
                    rollback(connection);
                }
            }
            return new Window(latencies, errors);
        }

        private void insert(Connection connection, String memberId, PlacementRequest request) throws SQLException, IOException {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<CatalogueItem> items = request.lines().stream().map(line -> catalogue.stream()
                    .filter(candidate -> candidate.sku().equals(line.sku())).findFirst().orElseThrow()).toList();
            List<OrderLine> lines = new ArrayList<>();
            for (int index = 0; index < items.size(); index++) {
                CatalogueItem item = items.get(index);
                lines.add(new OrderLine(item.sku(), item.name(), request.lines().get(index).quantity(), item.price(), item.weightGrams()));
            }
            Destination destination = request.destination();
            Order order = new Order(UUID.randomUUID(), memberId, OrderStatus.PLACED, now, now, destination,
                    warehouses.regionFor(destination.country()), lines, items.get(0).currency());
            CellEvent placed = events.event(CellEventTypes.ORDER_PLACED, now, memberId, order.id().toString(), Map.of(
                    "status", order.status().code(), "totalPrice", order.totalPrice().toPlainString(), "currency", order.currency(),
                    "lineCount", order.lines().size(), "totalWeightGrams", order.totalWeightGrams(), "warehouseRegion", order.warehouseRegion()));
            String payload = ObjectMapper.getDefault().writeValueAsString(placed);
            update(connection, """
                    INSERT INTO orders (id, member_id, idempotency_key, request_hash, status, destination_name, destination_line1,
                                        destination_line2, destination_city, destination_postal_code, destination_country,
                                        warehouse_region, currency, placed_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (member_id, idempotency_key) DO NOTHING""",
                    order.id(), memberId, UUID.randomUUID().toString(), request.contentHash(), order.status().code(),
                    destination.name().orElse(null), destination.line1(), destination.line2().orElse(null), destination.city(),
                    destination.postalCode(), destination.country(), order.warehouseRegion(), order.currency(),
                    now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
            for (int index = 0; index < lines.size(); index++) {
                OrderLine line = lines.get(index);
                update(connection, """
                        INSERT INTO order_items (order_id, line_number, sku, name, quantity, unit_price, unit_weight_grams)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                        order.id(), index + 1, line.sku(), line.name(), line.quantity(), line.unitPrice(), line.unitWeightGrams());
            }
            // Written as already sent: the same insert, but the relay publishes nothing for it, so the platform's
            // downstream work (app writing the member's feed to Cassandra) never spills into the router's rounds.
            update(connection, "INSERT INTO outbox_events (id, type, payload, traceparent, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?)",
                    UUID.fromString(placed.id()), placed.type(), payload, null, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
            connection.commit();
        }

        /** As storage's statements run: prepared on each use (the driver keeps the server-side plan per connection). */
        private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int index = 0; index < parameters.length; index++) {
                    statement.setObject(index + 1, parameters[index]);
                }
                statement.executeUpdate();
            }
        }

        private static void rollback(Connection connection) {
            try {
                connection.rollback();
            } catch (SQLException alreadyBroken) {
                // the next order fails too, and is counted
            }
        }
    }
}
