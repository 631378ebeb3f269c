package io.atoll.cell.workers.cleanup.support;

import io.atoll.cell.workers.cleanup.CheckinArchive;
import io.atoll.cell.workers.store.CassandraArchiveLedger;
import io.atoll.cell.workers.store.CassandraHotCheckins;
import io.atoll.cell.workers.store.CheckinKeyspace;
import io.atoll.cell.workers.store.ObjectStoreSettings;
import io.atoll.cell.workers.store.ParquetCheckinFiles;
import io.atoll.cell.workers.store.S3LandingZone;
import io.atoll.testing.S3Bucket;
import io.atoll.testing.TestS3;
import io.atoll.testing.TestServers;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The archive on the build's servers: a keyspace with the app's schema, a landing bucket on the test object store
 * (missing at first: the archive creates it), and the archive's own Cassandra and S3 parts pointed at them.
 */
public final class ArchiveSetup implements AutoCloseable {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final AppKeyspace app;
    private final S3Bucket bucket;
    private final ObjectStoreSettings objectStore;
    private final CheckinKeyspace keyspace;
    private final S3LandingZone landing;
    private final S3Client s3;
    private final boolean ownsKeyspace;

    private ArchiveSetup(AppKeyspace app, boolean ownsKeyspace, S3Bucket bucket, ObjectStoreSettings objectStore) {
        this.app = app;
        this.ownsKeyspace = ownsKeyspace;
        this.bucket = bucket;
        this.objectStore = objectStore;
        this.keyspace = new CheckinKeyspace(app.settings(), app.name());
        this.landing = new S3LandingZone(S3LandingZone.clientOf(objectStore), bucket.name());
        this.s3 = S3LandingZone.clientOf(objectStore);
    }

    /** A keyspace and a landing bucket of its own, both dropped on {@link #close()}. */
    public static ArchiveSetup create(String prefix) {
        return create(AppKeyspace.create(prefix), true, prefix);
    }

    /** The caller's keyspace, emptied first and left to the caller, and a landing bucket of its own. */
    public static ArchiveSetup on(AppKeyspace app, String prefix) {
        app.clear();
        return create(app, false, prefix);
    }

    private static ArchiveSetup create(AppKeyspace app, boolean ownsKeyspace, String prefix) {
        TestS3 store = TestServers.s3();
        S3Bucket bucket = store.createBucket(prefix + "-landing");
        // Only the name is kept: the archive creates the bucket, as it does in a new cell.
        bucket.close();
        ObjectStoreSettings objectStore = new ObjectStoreSettings(store.endpoint().toString(), store.region(), store.accessKey(), store.secretKey(), true);
        return new ArchiveSetup(app, ownsKeyspace, bucket, objectStore);
    }

    public AppKeyspace app() {
        return app;
    }

    public CheckinKeyspace keyspace() {
        return keyspace;
    }

    public ObjectStoreSettings objectStore() {
        return objectStore;
    }

    public String bucket() {
        return bucket.name();
    }

    public CassandraArchiveLedger ledger() {
        return new CassandraArchiveLedger(keyspace, Clock.systemUTC());
    }

    /** The archive of the given cell, as the service wires it, reading and deleting up to {@code partitionsInFlight} partitions at once. */
    public CheckinArchive archive(String cell, int partitionsInFlight) {
        return new CheckinArchive(cell, new CassandraHotCheckins(keyspace, partitionsInFlight), ledger(), new ParquetCheckinFiles(), landing, Clock.systemUTC(), LEASE,
                "archive-test-" + ProcessHandle.current().pid());
    }

    /** The keys in the landing bucket. */
    public List<String> keys() {
        if (!bucketExists()) {
            return List.of();
        }
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket.name())).contents().stream().map(S3Object::key).sorted().toList();
    }

    /** Copies the object to {@code target}. */
    public Path download(String key, Path target) {
        if (!landing.download(key, target)) {
            throw new AssertionError("no object " + landing.location(key));
        }
        return target;
    }

    public void deleteObject(String key) {
        s3.deleteObject(request -> request.bucket(bucket.name()).key(key));
    }

    public boolean bucketExists() {
        return s3.listBuckets().buckets().stream().anyMatch(existing -> existing.name().equals(bucket.name()));
    }

    @Override
    public void close() {
        keyspace.close();
        landing.close();
        if (bucketExists()) {
            bucket.close();
        }
        s3.close();
        if (ownsKeyspace) {
            app.close();
        }
    }
}
