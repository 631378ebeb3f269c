package io.atoll.cell.storage.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Photo uploads.
 *
 * @param maxBytes the largest upload accepted
 * @param retention how long an upload is kept ({@code expires_at} = created + this)
 * @param multipartThreshold uploads this large or larger go to the object store in parts
 * @param partSize the size of each part but the last (the S3 API wants at least 5 MiB)
 */
@ConfigurationProperties("atoll.storage.uploads")
public record UploadSettings(@Min(1) long maxBytes, @NotNull Duration retention, @Min(5 * 1024 * 1024) long multipartThreshold,
                             @Min(5 * 1024 * 1024) int partSize) {
}
