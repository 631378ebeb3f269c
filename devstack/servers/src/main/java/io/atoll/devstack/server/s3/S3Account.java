package io.atoll.devstack.server.s3;

import static java.util.Objects.requireNonNull;

/**
 * Who an S3 client is: the keys its requests are signed with, and the region in their signatures.
 *
 * @param region the signing region; S3Proxy accepts any, S3 wants the bucket's
 * @param accessKey the access key id (S3Proxy's identity)
 * @param secretKey the secret access key (S3Proxy's credential)
 */
public record S3Account(String region, String accessKey, String secretKey) {
    /** The one account of the object store the local platform and the tests run. */
    public static final S3Account LOCAL = new S3Account("us-east-1", "local-identity", "local-credential");

    public S3Account {
        requireNonNull(region, "region is null");
        requireNonNull(accessKey, "accessKey is null");
        requireNonNull(secretKey, "secretKey is null");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("an S3 account needs an access key and a secret key");
        }
    }
}
