package io.atoll.cell.storage.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * The object store, reached through the S3 API: S3Proxy locally, Amazon S3 in production.
 *
 * @param endpoint the S3 API endpoint; empty for AWS's own endpoint of the region
 * @param region the signing region
 * @param accessKey the access key; empty for the SDK's default credentials (the pod's role in production)
 * @param secretKey the secret key belonging to it
 * @param bucket the cell's uploads bucket
 * @param pathStyle bucket in the path rather than in the host name (S3Proxy needs it)
 * @param createBucket create the bucket at start if it is missing (local platform only)
 */
@ConfigurationProperties("atoll.storage.s3")
public record S3Settings(@Nullable String endpoint, @NotBlank String region, @Nullable String accessKey,
                         @Nullable String secretKey, @NotBlank String bucket, boolean pathStyle, boolean createBucket) {
}
