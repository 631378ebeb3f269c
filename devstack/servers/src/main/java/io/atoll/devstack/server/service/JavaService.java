package io.atoll.devstack.server.service;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.Processes;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One of the platform's own services (a cell's auth or app, the router): a runnable JAR configured by
 * environment variables, ready once its health endpoint answers UP.
 */
public final class JavaService implements Server {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final String name;
    private final Endpoint endpoint;
    private final URI health;
    private final Path jar;
    private final Map<String, String> environment;
    private final Map<String, Path> secretFiles;
    private final String heap;
    private final Preparation preparation;
    private final Preparation whenReady;

    /** What must exist before the service starts, such as its database. */
    @FunctionalInterface
    public interface Preparation {
        Preparation NONE = () -> { };

        void prepare() throws IOException;
    }

    public JavaService(String name, Endpoint endpoint, Path jar, Map<String, String> environment, String heap, Preparation preparation) {
        this(name, endpoint, URI.create("http://" + endpoint + "/health"), jar, environment, heap, preparation);
    }

    /** @param health where the service answers its health, when that is not on {@code endpoint} */
    public JavaService(String name, Endpoint endpoint, URI health, Path jar, Map<String, String> environment, String heap,
                       Preparation preparation) {
        this(name, endpoint, health, jar, environment, Map.of(), heap, preparation);
    }

    /**
     * @param secretFiles environment variables whose values are read from files once {@code preparation} has run, such
     *                    as a secret it makes: known only at start, and never part of the platform's settings
     */
    public JavaService(String name, Endpoint endpoint, URI health, Path jar, Map<String, String> environment,
                       Map<String, Path> secretFiles, String heap, Preparation preparation) {
        this.name = requireNonNull(name, "name is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.health = requireNonNull(health, "health is null");
        this.jar = requireNonNull(jar, "jar is null");
        this.environment = Map.copyOf(environment);
        this.secretFiles = Map.copyOf(secretFiles);
        this.heap = requireNonNull(heap, "heap is null");
        this.preparation = requireNonNull(preparation, "preparation is null");
        this.whenReady = Preparation.NONE;
    }

    private JavaService(JavaService service, Preparation whenReady) {
        this.name = service.name;
        this.endpoint = service.endpoint;
        this.health = service.health;
        this.jar = service.jar;
        this.environment = service.environment;
        this.secretFiles = service.secretFiles;
        this.heap = service.heap;
        this.preparation = service.preparation;
        this.whenReady = requireNonNull(whenReady, "whenReady is null");
    }

    /**
     * This service, followed by {@code step} each time it is started, once it is ready (such as what is made in the
     * database the service has just migrated). A start whose step fails stops the service again.
     */
    public JavaService thenOnceReady(Preparation step) {
        return new JavaService(this, step);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String portSetting() {
        return "--" + name.replace('/', '-') + "-port (or the cell's base port)";
    }

    @Override
    public Answer probe() {
        HttpRequest request = HttpRequest.newBuilder(health)
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                return Answer.READY;
            }
            // A Micronaut health endpoint answers 503 with its state while a dependency is down.
            return response.body().contains("\"status\"") ? Answer.STARTING : Answer.FOREIGN;
        } catch (IOException e) {
            return Readiness.classify(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.SILENT;
        }
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + ": " + jar + " is missing: build it with ./mvnw -B package -DskipTests (./atoll does this itself)");
        }
        preparation.prepare();
        Map<String, String> fullEnvironment = new HashMap<>(environment);
        for (Map.Entry<String, Path> secret : secretFiles.entrySet()) {
            fullEnvironment.put(secret.getKey(), Files.readString(secret.getValue()).strip());
        }
        Path log = home.resolve(home.getFileName() + ".log");
        // A copy: a JVM loads classes from its JAR lazily, so rebuilding the module must not touch the running one.
        Path running = Files.copy(jar, Files.createDirectories(home).resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        // The same JDK the CLI runs on; a service that runs out of memory exits rather than limping on.
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", running.toString());
        progress.report(name, "starting on " + endpoint);
        Process process = Processes.spawnDetached(command, fullEnvironment, home, log);
        Readiness.awaitStarted(this, process, Duration.ofSeconds(120), log);
        try {
            whenReady.prepare();
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return OwnedProcess.of(name, process.toHandle(), log, Map.of("jar", jar.toString()));
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        var live = process.live();
        if (live.isPresent()) {
            Processes.terminate(live.get(), Duration.ofSeconds(20));
        }
    }
}
