package io.atoll.cell.storage.domain.upload;

import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/** An upload's bytes on their way out of the object store. */
public record UploadContent(Upload upload, InputStream bytes) {
    public UploadContent {
        requireNonNull(upload, "upload is null");
        requireNonNull(bytes, "bytes is null");
    }
}
