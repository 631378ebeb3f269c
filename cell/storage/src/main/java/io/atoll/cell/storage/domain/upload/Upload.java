package io.atoll.cell.storage.domain.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A photo a member uploaded.
 *
 * @param objectKey where its bytes are in the object store
 * @param contentType found from the bytes, not taken from the client
 * @param sha256 hex SHA-256 of the bytes
 * @param expiresAt when the upload and its object are purged
 */
public record Upload(UUID id, String memberId, String objectKey, String contentType, long sizeBytes, String sha256,
                     Instant createdAt, Instant expiresAt, List<UploadResult> results) {
    public Upload {
        requireNonNull(id, "id is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(objectKey, "objectKey is null");
        requireNonNull(contentType, "contentType is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        results = List.copyOf(results);
    }
}
