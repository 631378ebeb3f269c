package io.atoll.cell.workers.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * The object store the landing zone is in, reached through the S3 API: S3Proxy locally, Amazon S3 in production.
 *
 * @param endpoint the S3 API endpoint; empty for AWS's own endpoint of the region
 * @param region the signing region
 * @param accessKey the access key; empty for the SDK's default credentials (the pod's role in production)
 * @param secretKey the secret key belonging to it
 * @param pathStyle bucket in the path rather than in the host name (S3Proxy needs it)
 */
@ConfigurationProperties("atoll.workers.s3")
public record ObjectStoreSettings(
        @Bindable(defaultValue = "http://127.0.0.1:8333") @Nullable String endpoint,
        @Bindable(defaultValue = "us-east-1") @NotBlank String region,
        @Bindable(defaultValue = "local-identity") @Nullable String accessKey,
        @Bindable(defaultValue = "local-credential") @Nullable String secretKey,
        @Bindable(defaultValue = "true") boolean pathStyle) {
}
