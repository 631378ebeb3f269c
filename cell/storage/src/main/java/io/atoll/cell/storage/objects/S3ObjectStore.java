package io.atoll.cell.storage.objects;

import io.atoll.cell.storage.config.S3Settings;
import io.atoll.cell.storage.config.UploadSettings;
import io.atoll.cell.storage.domain.upload.ObjectStore;
import io.atoll.cell.storage.domain.upload.StoredObject;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Upload bytes in the cell's S3 bucket. Small uploads go up in one streamed PUT; large ones in parts of a
 * fixed size, so at most one part per upload is ever in memory.
 */
@Singleton
public class S3ObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);

    private final S3Client s3;
    private final String bucket;
    private final UploadSettings uploads;

    S3ObjectStore(S3Client s3, S3Settings settings, UploadSettings uploads) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = settings.bucket();
        this.uploads = requireNonNull(uploads, "uploads is null");
        if (settings.createBucket()) {
            createBucketIfMissing();
        }
    }

    @Override
    public void put(String key, String contentType, InputStream content, long length) {
        if (length < uploads.multipartThreshold()) {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).contentLength(length),
                    RequestBody.fromInputStream(content, length));
        } else {
            putInParts(key, contentType, content, length);
        }
    }

    @Override
    public Optional<StoredObject> open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> object = s3.getObject(request -> request.bucket(bucket).key(key));
            GetObjectResponse response = object.response();
            String contentType = response.contentType() == null ? "application/octet-stream" : response.contentType();
            return Optional.of(new StoredObject(object, contentType, response.contentLength(), response.lastModified()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    /** Lists the keys first and deletes them one by one: few objects share a prefix (an upload's thumbnails). */
    @Override
    public int deleteByPrefix(String prefix) {
        List<String> keys = s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
        keys.forEach(this::delete);
        return keys.size();
    }

    /** Whether the bucket answers: the object store's part of the service's health. */
    boolean reachable() {
        s3.headBucket(request -> request.bucket(bucket));
        return true;
    }

    private void putInParts(String key, String contentType, InputStream content, long length) {
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try {
            byte[] part = new byte[uploads.partSize()];
            List<CompletedPart> parts = new ArrayList<>();
            long remaining = length;
            while (remaining > 0) {
                int size = content.readNBytes(part, 0, (int) Math.min(part.length, remaining));
                if (size == 0) {
                    throw new IOException("the upload ended " + remaining + " bytes early");
                }
                remaining -= size;
                int number = parts.size() + 1;
                // The part is sent from the buffer as it is (no copy), and sent again from it if the SDK retries.
                String etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                                .contentLength((long) size),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, size), size, contentType)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // The bucket's lifecycle rule removes incomplete uploads that could not be aborted.
            LOG.warn("Could not abort the multipart upload of {}: {}", key, e.getMessage());
        }
    }

    private void createBucketIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(request -> request.bucket(bucket));
            LOG.info("Created bucket {}", bucket);
        } catch (S3Exception | software.amazon.awssdk.core.exception.SdkClientException e) {
            LOG.warn("Bucket {} could not be checked at start: {}", bucket, e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        s3.close();
    }
}
