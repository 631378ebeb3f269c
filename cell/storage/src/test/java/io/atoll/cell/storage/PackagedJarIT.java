package io.atoll.cell.storage;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.EventCollector;
import io.atoll.cell.storage.support.Images;
import io.atoll.cell.storage.support.Orders;
import io.atoll.cell.storage.support.Reply;
import io.atoll.cell.storage.support.StorageUnderTest;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runnable JAR as the platform starts it: a process of its own, configured through the environment. */
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "atoll-storage.jar");
    private static final Path LOGS = Path.of("target", "packaged-jar-it");
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private StorageUnderTest storage;
    private int port;
    private int managementPort;

    @BeforeEach
    void create() {
        storage = StorageUnderTest.create("storage_jar");
        port = StorageUnderTest.freePort();
        managementPort = StorageUnderTest.freePort();
    }

    @AfterEach
    void drop() {
        storage.close();
    }

    @Test
    void concurrentMaximumSizeUploadsGoThroughA128MegabyteHeap() throws Exception {
        Process storageProcess = start("uploads.log");
        try {
            Api api = awaitReady();
            int uploads = 8;
            ExecutorService clients = Executors.newFixedThreadPool(uploads);
            try {
                List<Future<Reply>> replies = new ArrayList<>();
                for (int index = 0; index < uploads; index++) {
                    byte[] photo = index % 2 == 0 ? Images.jpeg(MAX_BYTES) : Images.png(MAX_BYTES - index);
                    String member = UUID.randomUUID().toString();
                    replies.add(clients.submit(() -> api.send(api.request("/storage/v1/members/" + member + "/uploads")
                            .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(photo)))));
                }
                for (Future<Reply> reply : replies) {
                    assertThat(reply.get().status()).isEqualTo(201);
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(storageProcess.isAlive()).isTrue();
            assertThat(storage.count("SELECT count(*) FROM uploads")).isEqualTo(uploads);
        } finally {
            storageProcess.destroyForcibly().waitFor();
        }
        assertJsonLines(LOGS.resolve("uploads.log"));
    }

    @Test
    void everyCommittedEventReachesTheExchangeThoughTheProcessIsKilledMidStream() throws Exception {
        try (EventCollector collector = EventCollector.bind(storage.vhost())) {
            Process first = start("first.log");
            Api api = awaitReady();
            AtomicBoolean placing = new AtomicBoolean(true);
            Thread orders = new Thread(() -> {
                String member = UUID.randomUUID().toString();
                for (int index = 0; placing.get(); index++) {
                    try {
                        api.placeOrder(member, "k-" + index, Orders.body("FR", "GAS-230G", 1));
                    } catch (RuntimeException refusedWhileDown) {
                        // The process is being killed: the placement may or may not have committed.
                    }
                }
            });
            orders.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> collector.messageIds().size() >= 50);
            first.destroyForcibly().waitFor();
            placing.set(false);
            orders.join();

            Process second = start("second.log");
            try {
                awaitReady();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE sent_at IS NULL")).isZero());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(collector.messageIds()).hasSize((int) storage.count("SELECT count(*) FROM outbox_events")));
                assertThat(metrics()).contains("atoll_storage_outbox_backlog").contains("atoll_storage_outbox_published_total");
            } finally {
                second.destroyForcibly().waitFor();
            }
        }
    }

    private Api awaitReady() {
        Api management = new Api(URI.create("http://127.0.0.1:" + managementPort), null);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> management.get("/health").status() == 200);
        return new Api(URI.create("http://127.0.0.1:" + port), storage.tokens().token(Scopes.READ + " " + Scopes.WRITE));
    }

    private String metrics() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/prometheus")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process start(String log) throws IOException {
        assertThat(JAR).as("the packaged JAR (failsafe runs after package)").exists();
        Files.createDirectories(LOGS);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(log).toFile());
        Map<String, String> environment = builder.environment();
        environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        environment.put("ENDPOINTS_ALL_PORT", String.valueOf(managementPort));
        environment.put("ATOLL_CELL_ID", "eu-west-1");
        environment.put("ATOLL_STORAGE_DATABASE_URL", storage.database().jdbcUrl());
        environment.put("ATOLL_STORAGE_MIGRATION_USERNAME", storage.database().username());
        environment.put("ATOLL_STORAGE_JWKS_URL", storage.tokens().jwksUrl());
        environment.put("RABBITMQ_HOST", storage.vhost().host());
        environment.put("RABBITMQ_PORT", String.valueOf(storage.vhost().port()));
        environment.put("RABBITMQ_USERNAME", storage.vhost().username());
        environment.put("RABBITMQ_PASSWORD", storage.vhost().password());
        environment.put("RABBITMQ_VIRTUAL_HOST", storage.vhost().name());
        Map<String, String> s3 = storage.bucket().micronautProperties();
        environment.put("ATOLL_STORAGE_S3_ENDPOINT", s3.get("atoll.storage.s3.endpoint"));
        environment.put("ATOLL_STORAGE_S3_REGION", s3.get("atoll.storage.s3.region"));
        environment.put("ATOLL_STORAGE_S3_ACCESS_KEY", s3.get("atoll.storage.s3.access-key"));
        environment.put("ATOLL_STORAGE_S3_SECRET_KEY", s3.get("atoll.storage.s3.secret-key"));
        environment.put("ATOLL_STORAGE_S3_BUCKET", s3.get("atoll.storage.s3.bucket"));
        environment.put("ATOLL_STORAGE_S3_CREATE_BUCKET", "false");
        return builder.start();
    }

    /** Every line the process wrote is a JSON log record. */
    private static void assertJsonLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(ObjectMapper.getDefault().readValue(line, Map.class)).containsKey("message"));
    }
}
