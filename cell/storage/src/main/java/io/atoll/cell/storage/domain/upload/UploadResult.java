package io.atoll.cell.storage.domain.upload;

import io.atoll.cell.storage.domain.JsonValues;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What a job of the pipeline found about an upload (a thumbnail made, the image inspected). */
public record UploadResult(String kind, Instant createdAt, Map<String, Object> data) {
    public UploadResult {
        requireNonNull(kind, "kind is null");
        requireNonNull(createdAt, "createdAt is null");
        data = JsonValues.copyOf(data);
    }
}
