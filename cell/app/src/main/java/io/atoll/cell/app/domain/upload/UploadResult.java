package io.atoll.cell.app.domain.upload;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What processing found out about an upload (a thumbnail made, an inspection), as the workers record it.
 *
 * @param kind what produced it
 */
public record UploadResult(String kind, Instant createdAt, Map<String, Object> data) {
    public UploadResult {
        requireNonNull(kind, "kind is null");
        requireNonNull(createdAt, "createdAt is null");
        data = Map.copyOf(data);
    }
}
