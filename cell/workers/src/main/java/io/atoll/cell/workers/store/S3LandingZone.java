package io.atoll.cell.workers.store;

import io.atoll.cell.workers.cleanup.FileDigest;
import io.atoll.cell.workers.cleanup.LandingZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * The landing-zone bucket, through the AWS SDK's blocking client. A file goes up in one PUT, which S3 applies
 * whole or not at all, with its MD5 so that the store refuses a body damaged on the way.
 */
public final class S3LandingZone implements LandingZone, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3LandingZone.class);
    /** The largest object one PUT may create. */
    private static final long LARGEST_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private volatile boolean bucketChecked;

    public S3LandingZone(S3Client s3, String bucket) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
    }

    /** A client for the configured store: S3Proxy locally, Amazon S3 in production, by settings alone. */
    public static S3Client clientOf(ObjectStoreSettings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: S3-compatible stores do not all read the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)));
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Override
    public String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public boolean download(String key, Path target) {
        try (InputStream object = s3.getObject(request -> request.bucket(bucket).key(key))) {
            Files.copy(object, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchKeyException | NoSuchBucketException absent) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("could not download " + location(key), e);
        }
    }

    @Override
    public void upload(String key, Path source) {
        createBucketIfMissing();
        long size = sizeOf(source);
        if (size > LARGEST_SINGLE_PUT) {
            throw new IllegalStateException(source + " is " + size + " bytes, more than one PUT takes; " + location(key) + " is left as it was");
        }
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/vnd.apache.parquet").contentLength(size)
                .contentMD5(Base64.getEncoder().encodeToString(FileDigest.of(source, "MD5"))), RequestBody.fromFile(source));
    }

    private void createBucketIfMissing() {
        if (bucketChecked) {
            return;
        }
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            try {
                s3.createBucket(request -> request.bucket(bucket));
                LOG.info("Created bucket {}", bucket);
            } catch (BucketAlreadyOwnedByYouException createdMeanwhile) {
                LOG.debug("Bucket {} was created meanwhile", bucket);
            }
        }
        bucketChecked = true;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
