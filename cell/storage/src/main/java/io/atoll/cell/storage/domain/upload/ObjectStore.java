package io.atoll.cell.storage.domain.upload;

import java.io.InputStream;
import java.util.Optional;

/** Where upload bytes live: an S3 bucket. */
public interface ObjectStore {
    /**
     * Stores exactly {@code length} bytes of {@code content} under the key, streaming them, in place of any object
     * the key held; the new object exists only if this returns normally (nothing is left behind when it throws).
     */
    void put(String key, String contentType, InputStream content, long length);

    /** The object's bytes, streamed from the store, with what the store knows of them; empty when there is none. */
    Optional<StoredObject> open(String key);

    /** Deletes the object; deleting one that is not there is no error. */
    void delete(String key);

    /** Deletes every object whose key begins with {@code prefix}; returns how many it deleted. */
    int deleteByPrefix(String prefix);
}
