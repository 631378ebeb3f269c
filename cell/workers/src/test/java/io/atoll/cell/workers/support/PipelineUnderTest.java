package io.atoll.cell.workers.support;

import io.atoll.cell.workers.store.ObjectStoreSettings;
import io.atoll.cell.workers.store.S3LandingZone;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.RabbitVhost;
import io.atoll.testing.S3Bucket;
import io.atoll.testing.TestS3;
import io.atoll.testing.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline as a test class uses it: a database, a vhost and a bucket of its own, the test's auth, the real
 * storage service as a process, and workers (in this JVM or as processes of their own, as many times as a test
 * likes) with short retry delays. The vhost is on the build's broker, or on a private node that a test may stop and
 * start again. The job programs are cell/jobs' packaged JAR, behind a shell wrapper that can make a program fail or
 * dawdle when the photo it is given carries a marker, so that failures come from real runs.
 */
public final class PipelineUnderTest implements AutoCloseable {
    /** A photo carrying this text makes its inspection crash (exit 1), on every attempt. */
    public static final String CRASH_INSPECTION = "CRASH-INSPECTION";
    /**
     * A photo carrying this text makes its inspection take a minute, when the workers are started to dawdle and
     * {@link #slowProcesses()} does not exist yet: the wrapper writes its pid and its sleep's there and then sleeps,
     * so only the first such inspection after the file is deleted dawdles. Killing the sleep lets it go on at once.
     */
    public static final String SLOW_INSPECTION = "SLOW-INSPECTION";
    public static final List<String> RETRY_DELAYS = List.of("200ms", "400ms", "600ms");
    public static final int MAX_ATTEMPTS = 4;

    private final String prefix;
    private final PostgresDatabase database;
    private final BrokerVhost vhost;
    private final AutoCloseable vhostOwner;
    private final Optional<PrivateRabbit> privateBroker;
    private final S3Bucket bucket;
    private final TestAuth auth;
    private final StorageProcess storage;
    private final Broker broker;

    private PipelineUnderTest(String prefix, PostgresDatabase database, BrokerVhost vhost, AutoCloseable vhostOwner,
                              Optional<PrivateRabbit> privateBroker, S3Bucket bucket, TestAuth auth, StorageProcess storage, Broker broker) {
        this.prefix = prefix;
        this.database = database;
        this.vhost = vhost;
        this.vhostOwner = vhostOwner;
        this.privateBroker = privateBroker;
        this.bucket = bucket;
        this.auth = auth;
        this.storage = storage;
        this.broker = broker;
    }

    /** The pipeline on a vhost of its own on the build's broker. */
    public static PipelineUnderTest start(String prefix) {
        RabbitVhost vhost = TestServers.rabbitmq().createVhost(prefix);
        return start(prefix, BrokerVhost.of(vhost), vhost, Optional.empty());
    }

    /** The pipeline on a RabbitMQ node of its own ({@link #privateBroker()}), which a test may stop and start again. */
    public static PipelineUnderTest onPrivateBroker(String prefix) {
        PrivateRabbit node = PrivateRabbit.start(itFolder());
        return start(prefix, node.createVhost(prefix), node, Optional.of(node));
    }

    private static PipelineUnderTest start(String prefix, BrokerVhost vhost, AutoCloseable vhostOwner, Optional<PrivateRabbit> privateBroker) {
        PostgresDatabase database = TestServers.postgres().createDatabase(prefix);
        S3Bucket bucket = TestServers.s3().createBucket(prefix.replace('_', '-'));
        TestAuth auth = TestAuth.start();
        StorageProcess storage = StorageProcess.start(database, vhost, bucket, auth, itFolder().resolve(prefix + "-storage.log"));
        return new PipelineUnderTest(prefix, database, vhost, vhostOwner, privateBroker, bucket, auth, storage, Broker.connect(vhost));
    }

    /** Workers whose job programs run normally, except that a photo marked {@link #CRASH_INSPECTION} crashes its inspection. */
    public EmbeddedServer startWorkers() {
        return startWorkers(false, Map.of());
    }

    /**
     * Workers in this JVM.
     *
     * @param slowInspections whether a photo marked {@link #SLOW_INSPECTION} makes its inspection take a minute
     */
    public EmbeddedServer startWorkers(boolean slowInspections, Map<String, Object> overrides) {
        return ApplicationContext.run(EmbeddedServer.class, workerSettings(slowInspections, overrides), "test");
    }

    /**
     * Workers as a process of their own, from the packaged JAR ({@code cell/workers/target/atoll-workers.jar}) with
     * the same settings as {@link #startWorkers(boolean, Map)}: a worker that can be killed outright.
     */
    public WorkersProcess startWorkerProcess(boolean slowInspections, Map<String, Object> overrides) {
        return WorkersProcess.start(workerSettings(slowInspections, overrides), itFolder().resolve(prefix + "-workers-" + System.nanoTime() + ".log"));
    }

    private Map<String, Object> workerSettings(boolean slowInspections, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", Ports.free());
        properties.put("endpoints.all.port", Ports.free());
        properties.putAll(vhost.micronautProperties());
        properties.put("atoll.workers.storage.url", storage.url().toString());
        properties.put("atoll.workers.storage.token-url", auth.tokenUrl().toString());
        properties.put("atoll.workers.storage.client-secret", "test-secret");
        properties.put("atoll.workers.messaging.retry-delays", RETRY_DELAYS);
        properties.put("atoll.workers.messaging.max-attempts", MAX_ATTEMPTS);
        properties.put("atoll.workers.messaging.metrics-interval", "500ms");
        properties.put("atoll.workers.messaging.shutdown-grace", "2s");
        properties.put("atoll.workers.pipeline.reaper-interval", "1s");
        properties.put("atoll.workers.pipeline.work-dir", itFolder().resolve(prefix + "-work").toString());
        properties.put("atoll.workers.jobs.command", List.of("sh", programs(slowInspections).toString()));
        // The scheduled archive of check-ins needs Cassandra, which is no part of the pipeline.
        properties.put("atoll.workers.cleanup.enabled", false);
        properties.putAll(overrides);
        return properties;
    }

    /**
     * The job programs' JAR behind a wrapper that runs in their place (the kind is its first argument): it reads the
     * spec, looks into the photo it names for a marker, and otherwise hands the spec to the real program.
     */
    private Path programs(boolean slowInspections) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Modules.root().resolve("cell/jobs/target/atoll-jobs.jar").toString();
        String script = String.join("\n",
                "kind=$1",
                "spec=$(cat)",
                "input=$(printf '%s' \"$spec\" | sed -n 's/.*\"input\":\"\\([^\"]*\\)\".*/\\1/p')",
                "if [ \"$kind\" = photo-inspection ] && [ -n \"$input\" ]; then",
                "  if grep -q " + CRASH_INSPECTION + " \"$input\"; then echo 'photo-inspection: crashed as the test asked' >&2; exit 1; fi",
                slowInspections ? "  if grep -q " + SLOW_INSPECTION + " \"$input\" && [ ! -e '" + slowProcesses() + "' ]; then sleep 60 & echo \"$$ $!\" > '"
                        + slowProcesses() + "'; wait; fi" : "  :",
                "fi",
                "printf '%s' \"$spec\" | exec '" + java + "' -Xmx128m -XX:+UseSerialGC -jar '" + jar + "' \"$kind\"",
                "");
        Path file = itFolder().resolve(prefix + (slowInspections ? "-programs-slow.sh" : "-programs.sh"));
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a dawdling inspection writes its process ids: the wrapper's and its sleep's. */
    public Path slowProcesses() {
        return itFolder().resolve(prefix + "-slow.pids");
    }

    /** Storage's API with both storage scopes. */
    public StorageApi api() {
        return new StorageApi(storage.url(), auth.token("storage:read storage:write"));
    }

    public Broker broker() {
        return broker;
    }

    /** The node the pipeline's vhost is on, when it has one of its own ({@link #onPrivateBroker}). */
    public PrivateRabbit privateBroker() {
        return privateBroker.orElseThrow(() -> new IllegalStateException("the pipeline is on the build's broker"));
    }

    public TestAuth auth() {
        return auth;
    }

    /** The keys of the objects in the pipeline's bucket that start with {@code prefix}, as the object store lists them. */
    public List<String> objectKeys(String keyPrefix) {
        TestS3 store = TestServers.s3();
        ObjectStoreSettings settings = new ObjectStoreSettings(store.endpoint().toString(), store.region(), store.accessKey(), store.secretKey(), true);
        try (S3Client s3 = S3LandingZone.clientOf(settings)) {
            return s3.listObjectsV2Paginator(request -> request.bucket(bucket.name()).prefix(keyPrefix)).contents().stream().map(S3Object::key).toList();
        }
    }

    public static URI management(EmbeddedServer workers) {
        return URI.create("http://127.0.0.1:" + workers.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class));
    }

    private static Path itFolder() {
        return Path.of("target", "pipeline-it").toAbsolutePath();
    }

    @Override
    public void close() {
        try {
            broker.close();
            storage.close();
            auth.close();
            vhostOwner.close();
            bucket.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not take the pipeline down", e);
        } finally {
            database.close();
        }
    }
}
