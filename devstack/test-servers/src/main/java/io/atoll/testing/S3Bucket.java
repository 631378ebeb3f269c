package io.atoll.testing;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A bucket of its own for one test; closing it deletes it with its objects. */
public final class S3Bucket implements AutoCloseable {
    private final TestS3 store;
    private final String name;

    S3Bucket(TestS3 store, String name) {
        this.store = requireNonNull(store, "store is null");
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    /** The storage service's settings for this bucket on the test object store. */
    public Map<String, String> micronautProperties() {
        String prefix = "atoll.storage.s3.";
        return Map.of(prefix + "endpoint", store.endpoint().toString(),
                prefix + "region", store.region(),
                prefix + "access-key", store.accessKey(),
                prefix + "secret-key", store.secretKey(),
                prefix + "bucket", name,
                prefix + "path-style", "true");
    }

    @Override
    public void close() {
        store.delete(name);
    }
}
