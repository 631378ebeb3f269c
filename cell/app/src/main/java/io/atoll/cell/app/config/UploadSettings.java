package io.atoll.cell.app.config;

import io.atoll.cell.app.domain.upload.UploadLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Positive;

/**
 * Photo uploads.
 *
 * @param maxBytes the largest photo accepted (storage's own limit should be the same); the server's
 *     {@code micronaut.server.max-request-size} follows it
 */
@ConfigurationProperties("atoll.app.uploads")
public record UploadSettings(@Positive long maxBytes) implements UploadLimits {
}
