package io.atoll.cell.storage.domain.upload;

import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.atoll.cell.storage.domain.event.DomainEvents;
import io.atoll.cell.storage.domain.job.JobEvents;
import io.atoll.cell.storage.domain.job.JobRequest;
import io.atoll.cell.storage.domain.job.NewJobRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Stores members' photos: bytes streamed to the object store, then the row, its event and the request to process
 * it. A refused upload (too large, not an image) leaves neither an object nor a row. The pipeline keeps what it
 * derives from a photo (thumbnails) beside it.
 */
public final class UploadService {
    /** What the pipeline may keep beside a photo. */
    private static final Set<String> DERIVED_TYPES = Set.of("image/jpeg", "image/png");

    private final UploadStore uploads;
    private final ObjectStore objects;
    private final DomainEvents events;
    private final JobEvents jobEvents;
    private final Clock clock;
    private final long maxBytes;
    private final Duration retention;

    public UploadService(UploadStore uploads, ObjectStore objects, DomainEvents events, JobEvents jobEvents, Clock clock, long maxBytes,
                         Duration retention) {
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.events = requireNonNull(events, "events is null");
        this.jobEvents = requireNonNull(jobEvents, "jobEvents is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxBytes = maxBytes;
        this.retention = requireNonNull(retention, "retention is null");
    }

    /** @param length the body's length as the request declared it; the body must hold exactly that many bytes */
    public Upload store(String memberId, long length, InputStream body) {
        requireAcceptableLength(length);
        byte[] head = readHead(body);
        String contentType = ContentSniffer.contentType(head).orElseThrow(() -> new RefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE,
                "Not a supported image", "Uploads must be JPEG, PNG or WebP images."));
        UUID id = UUID.randomUUID();
        String key = Upload.originalKey(memberId, id);
        DigestingInputStream content = new DigestingInputStream(new SequenceInputStream(new ByteArrayInputStream(head), body), maxBytes);
        objects.put(key, contentType, content, length);
        Instant now = clock.instant();
        Upload upload = new Upload(id, memberId, key, contentType, content.count(), content.sha256(), now, now.plus(retention), List.of());
        JobRequest processing = JobRequest.requested(UUID.randomUUID(), NewJobRequest.photo(id, memberId, contentType), now);
        try {
            uploads.add(upload, events.event(CellEventTypes.UPLOAD_STORED, now, memberId, id.toString(),
                            Map.of("contentType", contentType, "sizeBytes", upload.sizeBytes(), "sha256", upload.sha256())),
                    processing, jobEvents.requested(processing));
        } catch (RuntimeException e) {
            objects.delete(key);
            throw e;
        }
        return upload;
    }

    public Upload find(String memberId, UUID uploadId) {
        return uploads.find(uploadId).filter(upload -> upload.memberId().equals(memberId)).orElseThrow(() -> notFound(uploadId));
    }

    /** A member's photo, as the member reads it. */
    public StoredObject content(String memberId, UUID uploadId) {
        return contentOf(find(memberId, uploadId));
    }

    /** A photo, as the pipeline reads it: whoever's it is. */
    public StoredObject content(UUID uploadId) {
        return contentOf(uploads.find(uploadId).orElseThrow(() -> notFound(uploadId)));
    }

    /**
     * Keeps what the pipeline derived from a photo under a name, in place of what it kept under that name before
     * (a retried thumbnail is never a second object). A photo past its retention takes nothing more: the purge may
     * already have passed it.
     *
     * @param declaredType the body's type as the request declared it; the bytes must be of that type
     * @param length the body's length as the request declared it; the body must hold exactly that many bytes
     * @return the key the bytes are kept under
     */
    public String storeDerived(UUID uploadId, String name, Optional<String> declaredType, long length, InputStream body) {
        requireAcceptableLength(length);
        Upload upload = uploads.find(uploadId).filter(found -> !found.isExpired(clock.instant())).orElseThrow(() -> notFound(uploadId));
        String contentType = declaredType.map(UploadService::mediaType).filter(DERIVED_TYPES::contains)
                .orElseThrow(() -> new RefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE, "Not a supported image",
                        "What is derived from a photo must be declared and be image/jpeg or image/png."));
        byte[] head = readHead(body);
        if (!ContentSniffer.contentType(head).equals(Optional.of(contentType))) {
            throw new RefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE, "Not the declared image", "The bytes are not " + contentType + ".");
        }
        String key = upload.derivedKey(name);
        objects.put(key, contentType, new SequenceInputStream(new ByteArrayInputStream(head), body), length);
        return key;
    }

    public StoredObject derived(UUID uploadId, String name) {
        Upload upload = uploads.find(uploadId).orElseThrow(() -> notFound(uploadId));
        return objects.open(upload.derivedKey(name)).orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND, "Derived object not found",
                "Upload " + uploadId + " has nothing derived named " + name + "."));
    }

    /** The upload's own bytes, described by its row: the row is what the store was asked to keep. */
    private StoredObject contentOf(Upload upload) {
        StoredObject stored = objects.open(upload.objectKey()).orElseThrow(() -> notFound(upload.id()));
        return new StoredObject(stored.bytes(), upload.contentType(), upload.sizeBytes(), upload.createdAt());
    }

    private void requireAcceptableLength(long length) {
        if (length > maxBytes) {
            throw new RefusedException(Refusal.TOO_LARGE, "Upload too large", "Uploads may be at most " + maxBytes + " bytes.");
        }
        if (length <= 0) {
            throw new RefusedException(Refusal.BAD_REQUEST, "Empty upload", "The upload has no bytes.");
        }
    }

    /** The type and subtype of a Content-Type header, without its parameters. */
    private static String mediaType(String header) {
        int parameters = header.indexOf(';');
        return (parameters < 0 ? header : header.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static RefusedException notFound(UUID uploadId) {
        return new RefusedException(Refusal.NOT_FOUND, "Upload not found", "There is no upload " + uploadId + ".");
    }

    private static byte[] readHead(InputStream body) {
        try {
            return body.readNBytes(ContentSniffer.BYTES_NEEDED);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload's body could not be read", e);
        }
    }
}
