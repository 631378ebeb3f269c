package io.atoll.cell.storage.api.upload;

import io.atoll.cell.storage.domain.upload.Upload;
import io.atoll.cell.storage.domain.upload.UploadResult;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An upload as the API shows it, with what the pipeline found about it so far. */
@Serdeable
public record UploadView(UUID id, String memberId, String contentType, long sizeBytes, String sha256, String status,
                         Instant createdAt, Instant expiresAt, List<ResultView> results) {
    /** One finding of the pipeline. */
    @Serdeable
    public record ResultView(String kind, Instant createdAt, Map<String, Object> data) {
        static ResultView of(UploadResult result) {
            return new ResultView(result.kind(), result.createdAt(), result.data());
        }
    }

    static UploadView of(Upload upload) {
        return new UploadView(upload.id(), upload.memberId(), upload.contentType(), upload.sizeBytes(), upload.sha256(), "stored",
                upload.createdAt(), upload.expiresAt(), upload.results().stream().map(ResultView::of).toList());
    }
}
