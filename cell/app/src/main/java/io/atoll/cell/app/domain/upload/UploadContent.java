package io.atoll.cell.app.domain.upload;

import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/** The bytes of an upload as they arrive from storage; whoever receives it reads and closes the stream. */
public record UploadContent(String contentType, long length, InputStream bytes) {
    public UploadContent {
        requireNonNull(contentType, "contentType is null");
        requireNonNull(bytes, "bytes is null");
    }
}
