package io.atoll.cell.workers.support;

import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.S3Bucket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cell's storage service as a process of its own, started from its packaged JAR (cell/storage) on a database,
 * vhost and bucket of the test's, verifying tokens against the test's auth: the real service the workers talk to,
 * without its classes and settings mixing with the workers' in one JVM.
 */
public final class StorageProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private StorageProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static StorageProcess start(PostgresDatabase database, BrokerVhost vhost, S3Bucket bucket, TestAuth auth, Path log) {
        Path jar = Modules.root().resolve("cell/storage/target/atoll-storage.jar");
        assertThat(jar).as("storage's packaged JAR (./mvnw -pl cell/storage package)").exists();
        int port = Ports.free();
        int managementPort = Ports.free();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
            environment.put("ENDPOINTS_ALL_PORT", String.valueOf(managementPort));
            environment.put("ATOLL_CELL_ID", "eu-west-1");
            environment.put("ATOLL_STORAGE_DATABASE_URL", database.jdbcUrl());
            environment.put("ATOLL_STORAGE_MIGRATION_USERNAME", database.username());
            environment.put("ATOLL_STORAGE_MIGRATION_PASSWORD", database.password());
            environment.put("ATOLL_STORAGE_JWKS_URL", auth.jwksUrl());
            environment.put("RABBITMQ_HOST", vhost.host());
            environment.put("RABBITMQ_PORT", String.valueOf(vhost.port()));
            environment.put("RABBITMQ_USERNAME", vhost.username());
            environment.put("RABBITMQ_PASSWORD", vhost.password());
            environment.put("RABBITMQ_VIRTUAL_HOST", vhost.name());
            Map<String, String> s3 = bucket.micronautProperties();
            environment.put("ATOLL_STORAGE_S3_ENDPOINT", s3.get("atoll.storage.s3.endpoint"));
            environment.put("ATOLL_STORAGE_S3_REGION", s3.get("atoll.storage.s3.region"));
            environment.put("ATOLL_STORAGE_S3_ACCESS_KEY", s3.get("atoll.storage.s3.access-key"));
            environment.put("ATOLL_STORAGE_S3_SECRET_KEY", s3.get("atoll.storage.s3.secret-key"));
            environment.put("ATOLL_STORAGE_S3_BUCKET", s3.get("atoll.storage.s3.bucket"));
            environment.put("ATOLL_STORAGE_S3_CREATE_BUCKET", "false");
            StorageProcess storage = new StorageProcess(builder.start(), port);
            storage.awaitHealthy(managementPort, log);
            return storage;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitHealthy(int managementPort, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            assertThat(process.isAlive()).as("storage is running (its log: %s)", log).isTrue();
            assertThat(http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
