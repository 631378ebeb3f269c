package io.atoll.cell.app.domain.upload;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A photo a member uploaded, as storage keeps it.
 *
 * @param contentType the type found from the photo's bytes
 * @param sha256 hex digest of the bytes
 * @param expiresAt when the photo and its record are purged
 */
public record Upload(String id, String memberId, String contentType, long sizeBytes, String sha256, String status, Instant createdAt,
                     Instant expiresAt, List<UploadResult> results) {
    public Upload {
        requireNonNull(id, "id is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(contentType, "contentType is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(status, "status is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        results = results == null ? List.of() : List.copyOf(results);
    }
}
