package io.atoll.cell.storage.domain.upload;

import java.io.InputStream;

/** Where upload bytes live: an S3 bucket. */
public interface ObjectStore {
    /**
     * Stores exactly {@code length} bytes of {@code content} under the key, streaming them; the object exists
     * only if this returns normally (nothing is left behind when it throws).
     */
    void put(String key, String contentType, InputStream content, long length);

    /** The object's bytes, streamed from the store. */
    InputStream open(String key);

    void delete(String key);
}
