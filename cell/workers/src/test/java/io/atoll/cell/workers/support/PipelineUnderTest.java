package io.atoll.cell.workers.support;

import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.RabbitVhost;
import io.atoll.testing.S3Bucket;
import io.atoll.testing.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as a test class uses it: a database, a vhost and a bucket of its own, the test's auth, the real
 * storage service as a process, and workers started in this JVM (as many times as a test likes) with short retry
 * delays. The job programs are cell/jobs' packaged JAR, behind a shell wrapper that can make a program fail or
 * dawdle when the photo it is given carries a marker, so that failures come from real runs.
 */
public final class PipelineUnderTest implements AutoCloseable {
    /** A photo carrying this text makes its inspection crash (exit 1), on every attempt. */
    public static final String CRASH_INSPECTION = "CRASH-INSPECTION";
    /**
     * A photo carrying this text makes its inspection take a minute, when the workers are started to dawdle; the
     * wrapper's pid and its sleep's are written to {@link #slowProcesses()}.
     */
    public static final String SLOW_INSPECTION = "SLOW-INSPECTION";
    public static final List<String> RETRY_DELAYS = List.of("200ms", "400ms", "600ms");
    public static final int MAX_ATTEMPTS = 4;

    private final String prefix;
    private final PostgresDatabase database;
    private final RabbitVhost vhost;
    private final S3Bucket bucket;
    private final TestAuth auth;
    private final StorageProcess storage;
    private final Broker broker;

    private PipelineUnderTest(String prefix, PostgresDatabase database, RabbitVhost vhost, S3Bucket bucket, TestAuth auth, StorageProcess storage,
                              Broker broker) {
        this.prefix = prefix;
        this.database = database;
        this.vhost = vhost;
        this.bucket = bucket;
        this.auth = auth;
        this.storage = storage;
        this.broker = broker;
    }

    public static PipelineUnderTest start(String prefix) {
        PostgresDatabase database = TestServers.postgres().createDatabase(prefix);
        RabbitVhost vhost = TestServers.rabbitmq().createVhost(prefix);
        S3Bucket bucket = TestServers.s3().createBucket(prefix.replace('_', '-'));
        TestAuth auth = TestAuth.start();
        StorageProcess storage = StorageProcess.start(database, vhost, bucket, auth, Path.of("target", "pipeline-it", prefix + "-storage.log"));
        return new PipelineUnderTest(prefix, database, vhost, bucket, auth, storage, Broker.connect(vhost));
    }

    /** Workers whose job programs run normally, except that a photo marked {@link #CRASH_INSPECTION} crashes its inspection. */
    public EmbeddedServer startWorkers() {
        return startWorkers(false, Map.of());
    }

    /**
     * @param slowInspections whether a photo marked {@link #SLOW_INSPECTION} makes its inspection take a minute
     */
    public EmbeddedServer startWorkers(boolean slowInspections, Map<String, Object> overrides) {
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
        properties.put("atoll.workers.pipeline.work-dir", Path.of("target", "pipeline-it", prefix + "-work").toAbsolutePath().toString());
        properties.put("atoll.workers.jobs.command", List.of("sh", "-c", programs(slowInspections)));
        // The scheduled archive of check-ins needs Cassandra, which is no part of the pipeline.
        properties.put("atoll.workers.cleanup.enabled", false);
        properties.putAll(overrides);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /**
     * The job programs' JAR behind a wrapper that runs in their place: it reads the spec, looks into the photo it
     * names for a marker, and otherwise hands the spec to the real program. The kind is the script's {@code $0}.
     */
    private String programs(boolean slowInspections) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Modules.root().resolve("cell/jobs/target/atoll-jobs.jar").toString();
        return String.join("\n",
                "spec=$(cat)",
                "input=$(printf '%s' \"$spec\" | sed -n 's/.*\"input\":\"\\([^\"]*\\)\".*/\\1/p')",
                "if [ \"$0\" = photo-inspection ] && [ -n \"$input\" ]; then",
                "  if grep -q " + CRASH_INSPECTION + " \"$input\"; then echo 'photo-inspection: crashed as the test asked' >&2; exit 1; fi",
                slowInspections ? "  if grep -q " + SLOW_INSPECTION + " \"$input\"; then sleep 60 & echo \"$$ $!\" > '" + slowProcesses()
                        + "'; wait; fi" : "  :",
                "fi",
                "printf '%s' \"$spec\" | exec '" + java + "' -Xmx128m -XX:+UseSerialGC -jar '" + jar + "' \"$0\"");
    }

    /** Where a dawdling inspection writes its process ids: the wrapper's and its sleep's. */
    public Path slowProcesses() {
        return Path.of("target", "pipeline-it", prefix + "-slow.pids").toAbsolutePath();
    }

    /** Storage's API with both storage scopes. */
    public StorageApi api() {
        return new StorageApi(storage.url(), auth.token("storage:read storage:write"));
    }

    public Broker broker() {
        return broker;
    }

    public TestAuth auth() {
        return auth;
    }

    public static URI management(EmbeddedServer workers) {
        return URI.create("http://127.0.0.1:" + workers.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class));
    }

    @Override
    public void close() {
        try {
            broker.close();
            storage.close();
            auth.close();
            vhost.close();
            bucket.close();
        } finally {
            database.close();
        }
    }
}
