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
    /** What the name of an object derived from an upload (a thumbnail) looks like. */
    public static final String DERIVED_NAME = "[a-z0-9][a-z0-9._-]{0,63}";

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

    /**
     * Where a new upload's bytes are kept. Everything of an upload lives under {@code uploads/<member>/<upload>/}, the
     * photo and what is derived from it side by side: no key is also the folder of other keys, which a store on a file
     * system (S3Proxy's) cannot hold.
     */
    public static String originalKey(String memberId, UUID id) {
        return "uploads/" + memberId + "/" + id + "/original";
    }

    /** Where the object derived from this upload under that name is kept, in place of any kept under it before. */
    public String derivedKey(String name) {
        if (!name.matches(DERIVED_NAME)) {
            throw new IllegalArgumentException("not a derived object's name: " + name);
        }
        return derivedPrefix() + name;
    }

    /** The common beginning of the keys of every object derived from this upload. */
    public String derivedPrefix() {
        return "uploads/" + memberId + "/" + id + "/derived/";
    }

    /** Whether the upload is past its retention, due to be purged. */
    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
