package io.atoll.cell.storage.domain.upload;

import java.io.InputStream;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An object's bytes on their way out of the object store.
 *
 * @param length how many bytes the stream holds
 * @param lastModified when the object was stored
 */
public record StoredObject(InputStream bytes, String contentType, long length, Instant lastModified) {
    public StoredObject {
        requireNonNull(bytes, "bytes is null");
        requireNonNull(contentType, "contentType is null");
        requireNonNull(lastModified, "lastModified is null");
    }
}
