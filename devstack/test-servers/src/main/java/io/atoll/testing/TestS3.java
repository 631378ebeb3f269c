package io.atoll.testing;

import io.atoll.devstack.server.s3.S3Account;
import io.atoll.devstack.server.s3.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The build's S3 object store, handing out a bucket per test. */
public final class TestS3 {
    private final URI endpoint;
    private final S3Account account;
    private final S3Client client;

    private TestS3(URI endpoint, S3Account account) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.account = requireNonNull(account, "account is null");
        this.client = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(account.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account.accessKey(), account.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    static TestS3 local(S3ProxyServer server) {
        return new TestS3(server.url(), server.account());
    }

    /** Where S3 clients connect; buckets are addressed by path ({@code endpoint/bucket/key}). */
    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return account.region();
    }

    public String accessKey() {
        return account.accessKey();
    }

    public String secretKey() {
        return account.secretKey();
    }

    /** Creates an empty bucket whose name starts with {@code prefix} (lower-cased, with '-' for anything else). */
    public S3Bucket createBucket(String prefix) {
        // Bucket names allow letters, digits and '-' but no '_'.
        String name = UniqueNames.of(prefix).replace('_', '-');
        client.createBucket(request -> request.bucket(name));
        return new S3Bucket(this, name);
    }

    /** Removes the bucket with everything in it, unfinished multipart uploads included. */
    void delete(String bucket) {
        for (MultipartUpload upload : client.listMultipartUploadsPaginator(request -> request.bucket(bucket)).uploads()) {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
        }
        client.listObjectsV2Paginator(request -> request.bucket(bucket)).forEach(page -> {
            List<ObjectIdentifier> keys = page.contents().stream().map(S3Object::key)
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            if (!keys.isEmpty()) {
                client.deleteObjects(request -> request.bucket(bucket).delete(Delete.builder().objects(keys).quiet(true).build()));
            }
        });
        client.deleteBucket(request -> request.bucket(bucket));
    }
}
