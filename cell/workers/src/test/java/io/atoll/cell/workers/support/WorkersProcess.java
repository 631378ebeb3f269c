package io.atoll.cell.workers.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker as a process of its own, started from the packaged JAR with its settings as system properties: one that
 * can be killed outright ({@code kill -9}), as a node dies or the OOM killer strikes, which a worker in the test's
 * JVM cannot.
 */
public final class WorkersProcess implements AutoCloseable {
    private final Process process;
    private final URI management;

    private WorkersProcess(Process process, URI management) {
        this.process = process;
        this.management = management;
    }

    static WorkersProcess start(Map<String, Object> settings, Path log) {
        Path jar = Modules.root().resolve("cell/workers/target/atoll-workers.jar");
        assertThat(jar).as("the workers' packaged JAR (./mvnw -pl cell/workers package)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + text(value)));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            WorkersProcess workers = new WorkersProcess(process, URI.create("http://127.0.0.1:" + settings.get("endpoints.all.port")));
            workers.awaitHealthy(log);
            return workers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list setting as Micronaut reads it from one property: comma-separated. */
    private static String text(Object value) {
        return value instanceof Collection<?> values ? values.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(value);
    }

    public long pid() {
        return process.pid();
    }

    /** Its management port's base URI: {@code /health}, {@code /prometheus}. */
    public URI management() {
        return management;
    }

    /** SIGKILL: the worker gets no chance to stop its jobs or give its messages back. Returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    private void awaitHealthy(Path log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(management.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().untilAsserted(() -> {
            assertThat(process.isAlive()).as("the worker is running (its log: %s)", log).isTrue();
            assertThat(http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        });
    }

    private void awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("worker " + process.pid() + " still runs after " + patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops it the normal way (SIGTERM), and kills it when it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
