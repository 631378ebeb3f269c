package io.atoll.cell.app.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.atoll.cell.app.domain.TimeUuids;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives check-ins at the service with a fixed number of concurrent devices (each on its own keep-alive
 * connection), and in the same run makes the same writes directly with the DataStax driver against the same
 * keyspace, then prints the paths side by side: check-ins per second, p50 and p99 latency, and the ratio of
 * each service path's rate to the raw driver's (what the service costs over raw Cassandra).
 *
 * <p>Arguments ({@code --name=value}): {@code target} (the app's or the cell ingress's base URL),
 * {@code sign-up} ({@code true} when the target is a cell ingress: every device's member signs up there, logs
 * in and calls with its bearer token, as the mobile app does), {@code direct-target} (optional: the app itself,
 * called with the identity headers the ingress would add, measured as a third path),
 * {@code cassandra} ({@code host:port}), {@code datacenter}, {@code keyspace} (the app's, already migrated),
 * {@code seconds} (measured per path, split into {@code rounds} alternating windows, after a warm-up of
 * {@code warmup} seconds per path), {@code concurrency},
 * {@code events} (activity events per check-in), {@code header} (an extra request header {@code Name: value}),
 * {@code drop-keyspace} ({@code true} to drop the keyspace at the end, when the run made it).
 */
public final class CheckinLoadGenerator {
    private static final Pattern DEVICE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration HOT_WINDOW = Duration.ofDays(30);

    private final Map<String, String> options;
    private final int concurrency;
    private final int events;
    private final int rounds;
    private final Duration window;
    private final Duration warmup;

    private CheckinLoadGenerator(Map<String, String> options) {
        this.options = options;
        this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        this.events = Integer.parseInt(options.getOrDefault("events", "5"));
        this.rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        this.window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")) / rounds);
        // The app's JVM starts with the run; on a busy two-core machine its JIT needs a minute or more before
        // the request path runs compiled (until then a check-in costs the app two to four times the CPU).
        this.warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "90")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        new CheckinLoadGenerator(options).run();
    }

    /**
     * Warms every path up, then measures them in alternating windows (service, raw, service, raw, ...), so
     * that all see the same machine: on a shared machine the load of other work drifts over a run. Each round
     * starts with the next path: the window right after the warm-ups meets Cassandra's flushes and
     * compactions of everything written so far, and no path should take that window more often than another.
     */
    private void run() throws Exception {
        System.out.printf("check-ins with %d events, %d concurrent devices; %d s warm-up per path, then %d rounds of %d s per path%n",
                events, concurrency, warmup.toSeconds(), rounds, window.toSeconds());
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        boolean signUp = Boolean.parseBoolean(options.get("sign-up"));
        List<CheckinPath> paths = new ArrayList<>();
        try (RawCheckins raw = new RawCheckins()) {
            try {
                paths.add(new ServiceCheckins(signUp ? "service through the cell ingress" : "service (HTTP)", URI.create(required("target")), signUp));
                if (options.containsKey("direct-target")) {
                    paths.add(new ServiceCheckins("app called directly", URI.create(options.get("direct-target")), false));
                }
                paths.add(raw);
                List<List<Worker>> pathWorkers = new ArrayList<>();
                for (CheckinPath path : paths) {
                    pathWorkers.add(workers(path));
                }
                for (List<Worker> warming : pathWorkers) {
                    drive(workers, warming, warmup);
                }
                List<Result> results = paths.stream().map(path -> new Result(path.name())).toList();
                for (int round = 1; round <= rounds; round++) {
                    StringBuilder line = new StringBuilder("round " + round + ":");
                    for (int turn = 0; turn < paths.size(); turn++) {
                        int path = (round - 1 + turn) % paths.size();
                        results.get(path).add(drive(workers, pathWorkers.get(path), window), window);
                        line.append(String.format(" %s %,.0f/s;", paths.get(path).name(), results.get(path).lastPerSecond()));
                    }
                    System.out.println(line.append(" load average ").append(loadAverage()));
                }
                Result rawResult = results.get(results.size() - 1);
                System.out.println();
                System.out.println("| path | check-ins/s | p50 | p99 | errors | rate / raw driver |");
                System.out.println("|---|---|---|---|---|---|");
                for (Result result : results) {
                    System.out.println(result.row(rawResult));
                }
            } finally {
                for (CheckinPath path : paths) {
                    if (path != raw) {
                        path.close();
                    }
                }
                if (Boolean.parseBoolean(options.get("drop-keyspace"))) {
                    raw.dropKeyspace();
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private List<Worker> workers(CheckinPath path) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(new Worker(path, path.device("bench-member-" + UUID.randomUUID())));
        }
        return workers;
    }

    /** Runs every worker for the duration; answers their latencies and failures. */
    private Window drive(ExecutorService threads, List<Worker> workers, Duration duration) throws Exception {
        long ends = System.nanoTime() + duration.toNanos();
        List<Future<Window>> results = new ArrayList<>();
        for (Worker worker : workers) {
            results.add(threads.submit(() -> worker.runUntil(ends)));
        }
        Window all = new Window(new Histogram(3), 0);
        for (Future<Window> result : results) {
            all = all.plus(result.get());
        }
        return all;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }

    private String checkinJson(UUID checkinId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StringBuilder json = new StringBuilder(256 + events * 96)
                .append("{\"checkinId\":\"").append(checkinId).append("\",\"clientTime\":\"").append(now)
                .append("\",\"state\":{\"appVersion\":\"3.2.1\",\"os\":\"Android 14\",\"batteryPercent\":")
                .append(ThreadLocalRandom.current().nextInt(101)).append(",\"networkType\":\"wifi\"},\"events\":[");
        for (int i = 0; i < events; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"screen_view\",\"occurredAt\":\"").append(now.minusSeconds(i))
                    .append("\",\"attributes\":{\"screen\":\"screen-").append(i).append("\"}}");
        }
        return json.append("]}").toString();
    }

    private record Device(String memberId, UUID id) {
    }

    private record Window(Histogram latencies, int errors) {
        Window plus(Window other) {
            Histogram sum = latencies.copy();
            sum.add(other.latencies);
            return new Window(sum, errors + other.errors);
        }
    }

    private record Worker(CheckinPath path, Device device) {
        Window runUntil(long endsNanos) {
            Histogram latencies = new Histogram(3);
            int errors = 0;
            for (long started = System.nanoTime(); started < endsNanos; started = System.nanoTime()) {
                boolean ok = path.checkIn(device, UUID.randomUUID());
                latencies.recordValue(System.nanoTime() - started);
                errors += ok ? 0 : 1;
            }
            return new Window(latencies, errors);
        }
    }

    /** One path's measured windows, added up. */
    private static final class Result {
        private final String name;
        private final Histogram latencies = new Histogram(3);
        private int errors;
        private long millis;
        private double lastPerSecond;

        Result(String name) {
            this.name = name;
        }

        void add(Window window, Duration length) {
            latencies.add(window.latencies());
            errors += window.errors();
            millis += length.toMillis();
            lastPerSecond = window.latencies().getTotalCount() * 1000.0 / length.toMillis();
        }

        double lastPerSecond() {
            return lastPerSecond;
        }

        double perSecond() {
            return latencies.getTotalCount() * 1000.0 / millis;
        }

        String row(Result raw) {
            return String.format("| %s | %,.0f | %.2f ms | %.2f ms | %d | %.2f |", name, perSecond(),
                    latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6, errors, perSecond() / raw.perSecond());
        }
    }

    private interface CheckinPath extends AutoCloseable {
        String name();

        Device device(String memberId) throws Exception;

        /** One check-in; false if it failed. Called by one thread at a time per device. */
        boolean checkIn(Device device, UUID checkinId);
    }

    /**
     * The app's API, as a device calls it: through the cell ingress with a signed-up member's bearer token, or
     * at the app itself with the identity headers the ingress adds.
     */
    private final class ServiceCheckins implements CheckinPath {
        private final String name;
        private final URI target;
        private final boolean signUp;
        private final Map<UUID, HttpConnection> connections = new ConcurrentHashMap<>();
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final HttpClient setupClient = HttpClient.newHttpClient();

        ServiceCheckins(String name, URI target, boolean signUp) {
            this.name = name;
            this.target = target;
            this.signUp = signUp;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Device device(String memberId) throws Exception {
            if (signUp) {
                signUp(memberId);
            }
            HttpConnection connection = new HttpConnection(target);
            HttpConnection.Response registered = connection.post("/v1/devices", headers(memberId), "{\"name\":\"bench\",\"platform\":\"android\"}");
            Matcher id = DEVICE_ID.matcher(registered.body());
            if (registered.status() != 201 || !id.find()) {
                throw new IllegalStateException("registering a device answered " + registered.status() + ": " + registered.body());
            }
            Device device = new Device(memberId, UUID.fromString(id.group(1)));
            connections.put(device.id(), connection);
            return device;
        }

        @Override
        public boolean checkIn(Device device, UUID checkinId) {
            HttpConnection connection = connections.get(device.id());
            try {
                int status = connection.post("/v1/devices/" + device.id() + "/checkins", headers(device.memberId()), checkinJson(checkinId)).status();
                if (status == 401 && signUp) {
                    // The access token expired in a long run: log in again, as the mobile app would refresh.
                    tokens.put(device.memberId(), logIn(device.memberId()));
                }
                return status == 200;
            } catch (IOException | RuntimeException failure) {
                closeQuietly(connection);
                return false;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void signUp(String memberId) throws IOException, InterruptedException {
            String account = "{\"email\":\"" + email(memberId) + "\",\"password\":\"" + PASSWORD + "\"}";
            HttpResponse<String> created = setupClient.send(HttpRequest.newBuilder(target.resolve("/v1/accounts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(account)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("signing up answered " + created.statusCode() + ": " + created.body());
            }
            tokens.put(memberId, logIn(memberId));
        }

        private String logIn(String memberId) throws IOException, InterruptedException {
            String form = "grant_type=password&username=" + URLEncoder.encode(email(memberId), StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> answer = setupClient.send(HttpRequest.newBuilder(target.resolve("/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("logging in answered " + answer.statusCode() + ": " + answer.body());
            }
            return token.group(1);
        }

        private static String email(String memberId) {
            return memberId + "@bench.example.com";
        }

        private Map<String, String> headers(String memberId) {
            Map<String, String> headers = new HashMap<>();
            if (signUp) {
                headers.put("Authorization", "Bearer " + tokens.get(memberId));
            } else {
                headers.put("X-Auth-Subject", memberId);
                headers.put("X-Auth-Scopes", "atoll:member");
            }
            String header = options.get("header");
            if (header != null) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            return headers;
        }

        @Override
        public void close() {
            connections.values().forEach(CheckinLoadGenerator::closeQuietly);
        }
    }

    private static void closeQuietly(HttpConnection connection) {
        try {
            connection.close();
        } catch (IOException alreadyBroken) {
            // the next request opens a new connection
        }
    }

    /**
     * The writes a check-in makes, made directly and arranged as the app arranges them: the receipt claimed
     * with a lightweight transaction; then at once the raw check-in, the device state and the feed items
     * (one batch; after the feed's day index, the first time of the day for the member). Same statements,
     * consistency levels and TTLs as the app. Not included: the app's two reads (the device's owner, its
     * pending commands).
     */
    private final class RawCheckins implements CheckinPath {
        private final CqlSession session;
        private final TimeUuids timeUuids = new TimeUuids(Clock.systemUTC());
        private final PreparedStatement claim;
        private final PreparedStatement insertCheckin;
        private final PreparedStatement insertState;
        private final PreparedStatement insertDay;
        private final PreparedStatement insertItem;
        private final UserDefinedType eventType;
        private final Set<String> indexedDays = ConcurrentHashMap.newKeySet();

        @Override
        public String name() {
            return "raw driver";
        }

        RawCheckins() {
            String[] hostPort = required("cassandra").split(":");
            session = CqlSession.builder()
                    .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
                    .withLocalDatacenter(required("datacenter"))
                    .withKeyspace(required("keyspace"))
                    .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                            .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                            .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(2))
                            .build())
                    .build();
            claim = session.prepare("INSERT INTO checkin_receipts (device_id, checkin_id, member_id, digest, received_at, feed_position)"
                    + " VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS USING TTL ?");
            insertCheckin = session.prepare("INSERT INTO checkins (device_id, day, received_at, checkin_id, member_id, client_time, app_version,"
                    + " os, battery_percent, network_type, events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
            insertState = session.prepare("INSERT INTO device_state (device_id, checkin_id, received_at, client_time, app_version, os,"
                    + " battery_percent, network_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ? AND TIMESTAMP ?");
            insertDay = session.prepare("INSERT INTO feed_days (member_id, day) VALUES (?, ?) USING TTL ?");
            insertItem = session.prepare("INSERT INTO feed_items (member_id, day, position, item_index, kind, device_id, source_id, type,"
                    + " occurred_at, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
            eventType = (UserDefinedType) ((ListType) insertCheckin.getVariableDefinitions().get("events").getType()).getElementType();
        }

        @Override
        public Device device(String memberId) {
            return new Device(memberId, UUID.randomUUID());
        }

        @Override
        public boolean checkIn(Device device, UUID checkinId) {
            try {
                Instant clientTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                UUID position = timeUuids.next();
                Instant received = TimeUuids.instantOf(position);
                LocalDate day = LocalDate.ofInstant(received, ZoneOffset.UTC);
                int ttl = (int) HOT_WINDOW.toSeconds();
                byte[] digest = new byte[32];
                ThreadLocalRandom.current().nextBytes(digest);
                if (!session.execute(claim.bind(device.id(), checkinId, device.memberId(), ByteBuffer.wrap(digest), position, position, ttl)).wasApplied()) {
                    return false;
                }
                List<UdtValue> activity = new ArrayList<>();
                BatchStatementBuilder feed = BatchStatement.builder(DefaultBatchType.UNLOGGED);
                for (int i = 0; i < events; i++) {
                    Instant occurred = clientTime.minusSeconds(i);
                    activity.add(eventType.newValue().setString("type", "screen_view").setInstant("occurred_at", occurred)
                            .setMap("attributes", Map.of("screen", "screen-" + i), String.class, String.class));
                    feed.addStatement(insertItem.bind(device.memberId(), day, position, i, "activity", device.id(), checkinId, "screen_view",
                            occurred, Map.of("screen", "screen-" + i), ttl));
                }
                int battery = ThreadLocalRandom.current().nextInt(101);
                String indexKey = device.memberId() + "/" + day;
                CompletableFuture<?> feedWritten = indexedDays.contains(indexKey)
                        ? session.executeAsync(feed.build()).toCompletableFuture()
                        : session.executeAsync(insertDay.bind(device.memberId(), day, ttl + 86_400)).toCompletableFuture()
                                .thenRun(() -> indexedDays.add(indexKey))
                                .thenCompose(indexed -> session.executeAsync(feed.build()));
                CompletableFuture.allOf(
                        session.executeAsync(insertCheckin.bind(device.id(), day, position, checkinId, device.memberId(), clientTime, "3.2.1",
                                "Android 14", battery, "wifi", activity, ttl)).toCompletableFuture(),
                        session.executeAsync(insertState.bind(device.id(), checkinId, received, clientTime, "3.2.1", "Android 14", battery, "wifi",
                                ttl, ChronoUnit.MICROS.between(Instant.EPOCH, received))).toCompletableFuture(),
                        feedWritten).join();
                return true;
            } catch (RuntimeException failure) {
                return false;
            }
        }

        void dropKeyspace() {
            session.execute(SimpleStatement.newInstance("DROP KEYSPACE " + required("keyspace")).setTimeout(Duration.ofSeconds(60)));
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
