import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.store.ScopeMigration;
import org.flywaydb.core.Flyway;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The data-access benchmarks, run by {@code run.sh} against a platform of its own: a cell's core database set up as
 * storage and the scopes set it up, loaded with orders; the analytics team's queries on the replica and through Trino;
 * the replica's lag under a fixed write rate on the primary.
 *
 * <pre>
 * setup   --primary=JDBC --cell=ID --scopes=DIR --migrations=DIR
 * load    --primary=JDBC --replica=JDBC --orders=N --members=N
 * queries --replica=JDBC --trino=JDBC --user=LOGIN --password=P --runs=N --warmup=N
 * lag     --primary=JDBC --replica=JDBC --rate=TX_PER_S --seconds=S --warmup=S [--writers=N] [--markers=PER_S]
 * </pre>
 */
public final class DataAccessBench {
    private DataAccessBench() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0) {
                throw new BadInput("a command is missing: setup, load, queries or lag");
            }
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            switch (args[0]) {
                case "setup" -> setup(options);
                case "load" -> load(options);
                case "queries" -> queries(options);
                case "lag" -> lag(options);
                default -> throw new BadInput("unknown command '" + args[0] + "': setup, load, queries or lag");
            }
        } catch (BadInput e) {
            System.err.println("DataAccessBench: " + e.getMessage());
            System.exit(2);
        } catch (SQLException e) {
            System.err.println("DataAccessBench: " + e.getMessage().lines().findFirst().orElse(e.toString()));
            System.exit(1);
        } catch (Exception e) {
            System.err.println("DataAccessBench: " + e);
            System.exit(1);
        }
    }

    /** Storage's migrations, then the compiled scopes: what a cell's storage and `up` do to a new core database. */
    private static void setup(Options options) {
        String primary = options.get("primary");
        Flyway.configure()
                .dataSource(primary, "postgres", "")
                .locations("filesystem:" + options.directory("migrations"))
                .placeholders(Map.of("serviceRole", "storage_service"))
                .load()
                .migrate();
        new ScopeMigration(primary, "postgres", "").apply(PostgresScopeCompiler.compile(Scopes.load(options.directory("scopes"))), options.get("cell"));
        System.out.println("storage's migrations and the teams' scopes applied to " + primary);
    }

    /**
     * Members, orders and their lines, made by the primary itself (generate_series) so that loading takes seconds.
     * Choices that must differ per row are hashed from the row's key: a volatile random() inside a lateral function
     * call may be evaluated once for the whole query.
     */
    private static void load(Options options) throws SQLException {
        int members = options.positive("members");
        int orders = options.positive("orders");
        long started = System.nanoTime();
        try (Connection primary = connect(options.get("primary"), "postgres", ""); Statement statement = primary.createStatement()) {
            primary.setAutoCommit(false);
            statement.execute("SELECT setseed(0.42)");
            statement.execute("""
                    INSERT INTO members (id, home_cell, email, name, tier, status, joined_at, updated_at)
                    SELECT 'bench-m-' || lpad(n::text, 6, '0'), 'eu-west-1', 'member' || n || '@example.test', 'Member ' || n,
                           (ARRAY['basic', 'basic', 'basic', 'plus', 'plus', 'premium'])[1 + floor(random() * 6)::int],
                           (ARRAY['active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'suspended', 'closed'])[1 + floor(random() * 10)::int],
                           j, j
                    FROM (SELECT n, timestamptz '2024-01-01 00:00:00+00' + random() * interval '600 days' AS j
                          FROM generate_series(1, %d) n) m""".formatted(members));
            // Two warehouse regions, 90 days of orders, most of them shipped.
            statement.execute("""
                    INSERT INTO orders (id, member_id, idempotency_key, request_hash, status, destination_line1, destination_city,
                                        destination_postal_code, destination_country, warehouse_region, currency, placed_at, updated_at)
                    SELECT md5('bench-order-' || n)::uuid, 'bench-m-' || lpad((1 + floor(random() * %d))::int::text, 6, '0'),
                           'bench-' || n, md5(n::text) || md5('r' || n),
                           (ARRAY['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'placed', 'placed', 'cancelled'])[1 + floor(random() * 10)::int],
                           'Street ' || n, 'Berlin', '10115', 'DE',
                           CASE WHEN random() < 0.6 THEN 'eu-west-1' ELSE 'us-east-1' END, 'EUR', p, p
                    FROM (SELECT n, timestamptz '2026-09-01 00:00:00+00' + random() * interval '90 days' AS p
                          FROM generate_series(1, %d) n) o""".formatted(members, orders));
            statement.execute("""
                    INSERT INTO order_items (order_id, line_number, sku, name, quantity, unit_price, unit_weight_grams)
                    SELECT o.id, l, c.sku, c.name, 1 + abs(hashtext(o.id::text || 'q' || l)) % 3, c.price, c.weight_grams
                    FROM orders o
                    CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(o.id::text)) % 4) l
                    JOIN (SELECT row_number() OVER (ORDER BY sku) - 1 AS k, sku, name, price, weight_grams FROM items) c
                      ON c.k = abs(hashtext(o.id::text || 'i' || l)) % (SELECT count(*) FROM items)
                    WHERE o.idempotency_key LIKE 'bench-%'""");
            primary.commit();
            primary.setAutoCommit(true);
            statement.execute("ANALYZE");
            try (ResultSet counts = statement.executeQuery(
                    "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM orders), (SELECT count(*) FROM order_items), pg_size_pretty(pg_database_size(current_database()))")) {
                counts.next();
                System.out.printf(Locale.ROOT, "loaded %,d members, %,d orders, %,d order lines (database %s) in %.1f s%n",
                        counts.getLong(1), counts.getLong(2), counts.getLong(3), counts.getString(4), seconds(System.nanoTime() - started));
            }
            awaitReplica(primary, options.get("replica"));
        }
    }

    /** Waits until the replica has replayed everything the primary had written when asked. */
    private static void awaitReplica(Connection primary, String replicaUrl) throws SQLException {
        long started = System.nanoTime();
        String lsn;
        try (Statement statement = primary.createStatement(); ResultSet result = statement.executeQuery("SELECT pg_current_wal_lsn()")) {
            result.next();
            lsn = result.getString(1);
        }
        try (Connection replica = connect(replicaUrl, "postgres", "");
             PreparedStatement caughtUp = replica.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            caughtUp.setString(1, lsn);
            while (true) {
                try (ResultSet result = caughtUp.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        break;
                    }
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("the replica has not replayed " + lsn + " after 5 minutes");
                }
                sleepMillis(100);
            }
        }
        System.out.printf(Locale.ROOT, "the replica had replayed it %.1f s later%n", seconds(System.nanoTime() - started));
    }

    /** What an analytics person asks; written once, in SQL both PostgreSQL and Trino read the same way. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("orders per day and status", """
                SELECT CAST(placed_at AS date) AS day, status, count(*) AS orders
                FROM orders GROUP BY CAST(placed_at AS date), status ORDER BY day, status""");
        QUERIES.put("revenue per item", """
                SELECT sku, sum(quantity) AS units, sum(quantity * unit_price) AS revenue
                FROM order_items GROUP BY sku ORDER BY revenue DESC, sku""");
        QUERIES.put("members per tier (distinct e-mail hashes)", """
                SELECT tier, status, count(*) AS members, count(DISTINCT email_hash) AS emails
                FROM members GROUP BY tier, status ORDER BY tier, status""");
        QUERIES.put("revenue per warehouse and status (join)", """
                SELECT o.warehouse_region, o.status, count(DISTINCT o.id) AS orders, sum(l.quantity * l.unit_price) AS revenue
                FROM orders o JOIN order_items l ON l.order_id = o.id
                GROUP BY o.warehouse_region, o.status ORDER BY o.warehouse_region, o.status""");
        QUERIES.put("one member's latest orders", """
                SELECT id, status, warehouse_region FROM orders WHERE member_id = 'bench-m-000042'
                ORDER BY placed_at DESC, id LIMIT 20""");
    }

    /**
     * Each query as the same person on the replica (PostgreSQL's JDBC driver) and through Trino (trino-jdbc over HTTPS),
     * one connection each kept open as a BI tool would; the two alternate run by run so both meet the same background
     * load. The timed span is the whole answer: execute, then read every row.
     */
    private static void queries(Options options) throws SQLException {
        int runs = options.positive("runs");
        int warmup = options.nonNegative("warmup");
        String user = options.get("user");
        String password = options.get("password");
        LoadAverage load = LoadAverage.start();
        int differences = 0;
        try (Connection replica = connect(options.get("replica"), user, password);
             Connection trino = connect(options.get("trino"), user, password)) {
            System.out.printf(Locale.ROOT, "%-44s %6s %12s %12s %12s %12s %10s %10s  %s%n", "query (" + runs + " runs after " + warmup + ")", "rows",
                    "replica p50", "replica p95", "trino p50", "trino p95", "ratio p50", "ratio p95", "same result");
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                List<String> fromReplica = rows(replica, query.getValue());
                List<String> fromTrino = rows(trino, query.getValue());
                String verdict = fromReplica.equals(fromTrino) ? "yes" : "NO: " + firstDifference(fromReplica, fromTrino);
                if (!fromReplica.equals(fromTrino)) {
                    differences++;
                }
                for (int i = 1; i < warmup; i++) {
                    rows(replica, query.getValue());
                    rows(trino, query.getValue());
                }
                long[] replicaNanos = new long[runs];
                long[] trinoNanos = new long[runs];
                for (int i = 0; i < runs; i++) {
                    if (i % 2 == 0) {
                        replicaNanos[i] = timed(replica, query.getValue());
                        trinoNanos[i] = timed(trino, query.getValue());
                    } else {
                        trinoNanos[i] = timed(trino, query.getValue());
                        replicaNanos[i] = timed(replica, query.getValue());
                    }
                }
                Percentiles onReplica = Percentiles.of(replicaNanos);
                Percentiles throughTrino = Percentiles.of(trinoNanos);
                System.out.printf(Locale.ROOT, "%-44s %6d %10.1fms %10.1fms %10.1fms %10.1fms %10.1f %10.1f  %s%n", query.getKey(), fromReplica.size(),
                        millis(onReplica.at(50)), millis(onReplica.at(95)), millis(throughTrino.at(50)), millis(throughTrino.at(95)),
                        (double) throughTrino.at(50) / onReplica.at(50), (double) throughTrino.at(95) / onReplica.at(95), verdict);
            }
        }
        System.out.println("load average " + load.stop());
        if (differences > 0) {
            throw new IllegalStateException(differences + " queries answered differently on the replica and through Trino");
        }
    }

    private static long timed(Connection connection, String sql) throws SQLException {
        long started = System.nanoTime();
        rows(connection, sql);
        return System.nanoTime() - started;
    }

    /** Every row as text, numbers by value (PostgreSQL's numeric and Trino's decimal differ in scale, not in value). */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    row.append(column > 1 ? " | " : "");
                    if (value instanceof Number number) {
                        row.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
                    } else {
                        row.append(value == null ? "null" : result.getString(column));
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String firstDifference(List<String> replica, List<String> trino) {
        for (int i = 0; i < Math.min(replica.size(), trino.size()); i++) {
            if (!replica.get(i).equals(trino.get(i))) {
                return "row " + (i + 1) + ": replica [" + replica.get(i) + "], Trino [" + trino.get(i) + "]";
            }
        }
        return replica.size() + " rows on the replica, " + trino.size() + " through Trino";
    }

    /**
     * Orders with their lines written to the primary at a fixed rate by a pool of writers, each transaction at its
     * planned time (a late one is not skipped: the achieved rate shows it). Every k-th transaction is a marker: once its
     * commit has returned, a sampler queries the replica for the order until it is there. The lag of a marker is from
     * its commit's return on the primary to the return of the first replica query that saw it, so it is high by at most
     * one query round trip plus the sampler's own wake-up on a busy machine: an upper bound. Beside it, every 100 ms, the
 * primary's own view (pg_stat_replication's replay_lag: from the WAL's flush on the primary to its replay on the
 * replica, as the replica reports it), which no client's scheduling delays.
     */
    private static void lag(Options options) throws Exception {
        int rate = options.positive("rate");
        int seconds = options.positive("seconds");
        int warmup = options.nonNegative("warmup");
        int writers = options.positive("writers", 16);
        int markersPerSecond = options.positive("markers", 50);
        String primaryUrl = options.get("primary");
        String replicaUrl = options.get("replica");

        List<Item> items = new ArrayList<>();
        int members;
        try (Connection primary = connect(primaryUrl, "postgres", ""); Statement statement = primary.createStatement()) {
            try (ResultSet result = statement.executeQuery("SELECT sku, name, price, weight_grams FROM items WHERE is_active ORDER BY sku")) {
                while (result.next()) {
                    items.add(new Item(result.getString(1), result.getString(2), result.getBigDecimal(3), result.getInt(4)));
                }
            }
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM members WHERE id LIKE 'bench-m-%'")) {
                result.next();
                members = result.getInt(1);
            }
        }
        if (items.isEmpty() || members == 0) {
            throw new BadInput("the database has no items or no members: run load first");
        }

        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * (warmup + seconds);
        long firstMeasured = (long) rate * warmup;
        int markerEvery = Math.max(1, rate / markersPerSecond);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<Long> commitLatencies = new ConcurrentLinkedQueue<>();
        AtomicLong commits = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        LinkedBlockingQueue<Marker> markers = new LinkedBlockingQueue<>();

        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Connection connection = connect(primaryUrl, "postgres", "");
            connection.setAutoCommit(false);
            threads.add(start("writer-" + w, () -> {
                try (connection;
                     PreparedStatement order = connection.prepareStatement("""
                             INSERT INTO orders (id, member_id, idempotency_key, request_hash, status, destination_line1, destination_city,
                                                 destination_postal_code, destination_country, warehouse_region, currency, placed_at, updated_at)
                             VALUES (?, ?, ?, ?, 'placed', 'Street 1', 'Berlin', '10115', 'DE', ?, 'EUR', now(), now())""");
                     PreparedStatement line = connection.prepareStatement("""
                             INSERT INTO order_items (order_id, line_number, sku, name, quantity, unit_price, unit_weight_grams)
                             VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (long slot = next.getAndIncrement(); slot < total; slot = next.getAndIncrement()) {
                        long planned = start + slot * interval;
                        LockSupport.parkNanos(planned - System.nanoTime());
                        UUID id = UUID.randomUUID();
                        try {
                            order.setObject(1, id);
                            order.setString(2, "bench-m-%06d".formatted(1 + random.nextInt(members)));
                            order.setString(3, "lag-" + id);
                            order.setString(4, "%064x".formatted(random.nextLong() & Long.MAX_VALUE));
                            order.setString(5, random.nextInt(10) < 6 ? "eu-west-1" : "us-east-1");
                            order.executeUpdate();
                            int lines = 1 + random.nextInt(4);
                            for (int l = 1; l <= lines; l++) {
                                Item item = items.get(random.nextInt(items.size()));
                                line.setObject(1, id);
                                line.setInt(2, l);
                                line.setString(3, item.sku());
                                line.setString(4, item.name());
                                line.setInt(5, 1 + random.nextInt(3));
                                line.setBigDecimal(6, item.price());
                                line.setInt(7, item.weightGrams());
                                line.addBatch();
                            }
                            line.executeBatch();
                            connection.commit();
                        } catch (SQLException e) {
                            failures.incrementAndGet();
                            connection.rollback();
                            continue;
                        }
                        long committed = System.nanoTime();
                        commits.incrementAndGet();
                        if (slot >= firstMeasured) {
                            commitLatencies.add(committed - planned);
                            if (slot % markerEvery == 0) {
                                markers.add(new Marker(id, committed));
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        List<Long> lags = new ArrayList<>();
        long[] seenAtOnce = new long[1];
        Thread sampler = start("sampler", () -> {
            try (Connection replica = connect(replicaUrl, "postgres", "");
                 PreparedStatement visible = replica.prepareStatement("SELECT 1 FROM orders WHERE id = ?")) {
                while (true) {
                    Marker marker = markers.poll(100, TimeUnit.MILLISECONDS);
                    if (marker == null) {
                        if (threads.stream().noneMatch(Thread::isAlive)) {
                            return;
                        }
                        continue;
                    }
                    visible.setObject(1, marker.id());
                    for (int polls = 1; ; polls++) {
                        boolean found;
                        try (ResultSet result = visible.executeQuery()) {
                            found = result.next();
                        }
                        if (found) {
                            lags.add(System.nanoTime() - marker.committed());
                            if (polls == 1) {
                                seenAtOnce[0]++;
                            }
                            break;
                        }
                    }
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        List<Double> replayLagMillis = new ArrayList<>();
        List<Long> bytesBehind = new ArrayList<>();
        Thread watcher = start("pg_stat_replication", () -> {
            try (Connection primary = connect(primaryUrl, "postgres", ""); Statement statement = primary.createStatement()) {
                while (sampler.isAlive()) {
                    sleepMillis(100);
                    if (System.nanoTime() < start + firstMeasured * interval) {
                        continue;
                    }
                    try (ResultSet result = statement.executeQuery("""
                            SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, extract(epoch FROM replay_lag) * 1000
                            FROM pg_stat_replication""")) {
                        if (result.next()) {
                            bytesBehind.add(result.getLong(1));
                            double lagMillis = result.getDouble(2);
                            if (!result.wasNull()) {
                                replayLagMillis.add(lagMillis);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        // The achieved rate counts the commits within the measured window, whichever slots they were planned for.
        sleepUntil(start + firstMeasured * interval);
        LoadAverage load = LoadAverage.start();
        long committedBefore = commits.get();
        sleepUntil(start + total * interval);
        long committedInWindow = commits.get() - committedBefore;
        for (Thread thread : threads) {
            thread.join();
        }
        sampler.join();
        watcher.join();
        String loadDuring = load.stop();

        Percentiles commit = Percentiles.of(commitLatencies.stream().mapToLong(Long::longValue).toArray());
        Percentiles visibility = Percentiles.of(lags.stream().mapToLong(Long::longValue).toArray());
        System.out.printf(Locale.ROOT, "target %,d tx/s for %d s (after %d s warm-up), %d writers, each tx an order with 1-4 lines%n",
                rate, seconds, warmup, writers);
        System.out.printf(Locale.ROOT, "  achieved %,.0f tx/s (%,d committed in the window, %d failed); commit from planned start p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
                (double) committedInWindow / seconds, committedInWindow, failures.get(), millis(commit.at(50)), millis(commit.at(99)), millis(commit.max()));
        System.out.printf(Locale.ROOT, "  commit to visible on the replica (%,d markers, %d seen on the first query): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                lags.size(), seenAtOnce[0], millis(visibility.at(50)), millis(visibility.at(90)), millis(visibility.at(99)), millis(visibility.max()));
        double[] replay = replayLagMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long[] behind = bytesBehind.stream().mapToLong(Long::longValue).sorted().toArray();
        if (replay.length > 0) {
            System.out.printf(Locale.ROOT, "  pg_stat_replication every 100 ms (%d samples): replay_lag p50 %.2f ms, p99 %.2f ms, max %.2f ms; bytes behind p50 %,d, max %,d%n",
                    replay.length, replay[index(replay.length, 50)], replay[index(replay.length, 99)], replay[replay.length - 1],
                    behind[index(behind.length, 50)], behind[behind.length - 1]);
        }
        System.out.println("  load average " + loadDuring);
    }

    private record Item(String sku, String name, BigDecimal price, int weightGrams) {
    }

    private record Marker(UUID id, long committed) {
    }

    /** Sorted samples in nanoseconds; percentiles by the nearest rank. */
    private record Percentiles(long[] sorted) {
        static Percentiles of(long[] samples) {
            if (samples.length == 0) {
                throw new IllegalStateException("no samples");
            }
            long[] sorted = samples.clone();
            Arrays.sort(sorted);
            return new Percentiles(sorted);
        }

        long at(double percentile) {
            return sorted[index(sorted.length, percentile)];
        }

        long max() {
            return sorted[sorted.length - 1];
        }
    }

    private static int index(int size, double percentile) {
        return Math.max(0, (int) Math.ceil(percentile / 100 * size) - 1);
    }

    /** The machine's 1-minute load average at the start, its highest every 5 s since, and at the end. */
    private static final class LoadAverage {
        private final String before = read();
        private final Thread watcher;
        private volatile double highest = Double.parseDouble(before);
        private volatile boolean stopped;

        private LoadAverage() {
            watcher = new Thread(() -> {
                while (!stopped) {
                    sleepMillis(5000);
                    highest = Math.max(highest, Double.parseDouble(read()));
                }
            }, "load-average");
            watcher.setDaemon(true);
            watcher.start();
        }

        static LoadAverage start() {
            return new LoadAverage();
        }

        String stop() {
            stopped = true;
            String after = read();
            highest = Math.max(highest, Double.parseDouble(after));
            return "(1 min) %s at the start, %s at the end, highest %.2f".formatted(before, after, highest);
        }

        private static String read() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (java.io.IOException e) {
                return "0";
            }
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    /** {@code --name=value} pairs; anything else is a one-line error. */
    private record Options(Map<String, String> values) {
        private static final Set<String> KNOWN = Set.of("primary", "replica", "trino", "cell", "scopes", "migrations", "orders", "members",
                "user", "password", "runs", "warmup", "rate", "seconds", "writers", "markers");

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (!arg.startsWith("--") || equals < 0) {
                    throw new BadInput("'" + arg + "' is not of the form --name=value");
                }
                String name = arg.substring(2, equals);
                if (!KNOWN.contains(name)) {
                    throw new BadInput("unknown option --" + name);
                }
                values.put(name, arg.substring(equals + 1));
            }
            return new Options(values);
        }

        String get(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new BadInput("--" + name + " is missing");
            }
            return value;
        }

        Path directory(String name) {
            Path directory = Path.of(get(name));
            if (!Files.isDirectory(directory)) {
                throw new BadInput("--" + name + ": no directory " + directory);
            }
            return directory;
        }

        int positive(String name) {
            int value = number(name, get(name));
            if (value < 1) {
                throw new BadInput("--" + name + " must be at least 1, not " + value);
            }
            return value;
        }

        int positive(String name, int otherwise) {
            return values.containsKey(name) ? positive(name) : otherwise;
        }

        int nonNegative(String name) {
            int value = number(name, get(name));
            if (value < 0) {
                throw new BadInput("--" + name + " must not be negative");
            }
            return value;
        }

        private static int number(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new BadInput("--" + name + " must be a whole number, not '" + value + "'");
            }
        }
    }
}
