package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.JsonValues;
import io.atoll.cell.storage.domain.Sha256;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a caller asks the pipeline to do.
 *
 * @param memberId the member it is for, when it is for one
 * @param subjectId what it works on (an upload's id, a repository)
 * @param spec what the workers need to plan it, as the caller gave it
 */
public record NewJobRequest(JobRequestKind kind, Optional<String> memberId, String subjectId, Map<String, Object> spec) {
    public NewJobRequest {
        requireNonNull(kind, "kind is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(subjectId, "subjectId is null");
        spec = JsonValues.copyOf(spec);
    }

    /** The request to process a photo just uploaded. */
    public static NewJobRequest photo(UUID uploadId, String memberId, String contentType) {
        return new NewJobRequest(JobRequestKind.PHOTO, Optional.of(memberId), uploadId.toString(),
                Map.of("uploadId", uploadId.toString(), "contentType", contentType));
    }

    /**
     * SHA-256 (hex) of the request's content: equal for two requests that ask for the same thing however their JSON
     * was spelled, different as soon as the kind, the member, the subject or anything in the spec differs.
     */
    public String fingerprint() {
        return Sha256.hexOf(JsonValues.canonical(Arrays.asList(kind.code(), memberId.orElse(null), subjectId, spec)));
    }
}
