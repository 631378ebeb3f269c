package io.atoll.cell.storage.domain.upload;

import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.atoll.cell.storage.domain.event.DomainEvents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Stores members' photos: bytes streamed to the object store, then the row and its event. A refused upload
 * (too large, not an image) leaves neither an object nor a row.
 */
public final class UploadService {
    private final UploadStore uploads;
    private final ObjectStore objects;
    private final DomainEvents events;
    private final Clock clock;
    private final long maxBytes;
    private final Duration retention;

    public UploadService(UploadStore uploads, ObjectStore objects, DomainEvents events, Clock clock, long maxBytes, Duration retention) {
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxBytes = maxBytes;
        this.retention = requireNonNull(retention, "retention is null");
    }

    /** @param length the body's length as the request declared it; the body must hold exactly that many bytes */
    public Upload store(String memberId, long length, InputStream body) {
        if (length > maxBytes) {
            throw new RefusedException(Refusal.TOO_LARGE, "Upload too large", "Uploads may be at most " + maxBytes + " bytes.");
        }
        if (length <= 0) {
            throw new RefusedException(Refusal.BAD_REQUEST, "Empty upload", "The upload has no bytes.");
        }
        byte[] head = readHead(body);
        String contentType = ContentSniffer.contentType(head).orElseThrow(() -> new RefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE,
                "Not a supported image", "Uploads must be JPEG, PNG or WebP images."));
        UUID id = UUID.randomUUID();
        String key = "uploads/" + memberId + "/" + id;
        DigestingInputStream content = new DigestingInputStream(new SequenceInputStream(new ByteArrayInputStream(head), body), maxBytes);
        objects.put(key, contentType, content, length);
        Instant now = clock.instant();
        Upload upload = new Upload(id, memberId, key, contentType, content.count(), content.sha256(), now, now.plus(retention), List.of());
        try {
            uploads.add(upload, events.event(CellEventTypes.UPLOAD_STORED, now, memberId, id.toString(),
                    Map.of("contentType", contentType, "sizeBytes", upload.sizeBytes(), "sha256", upload.sha256())));
        } catch (RuntimeException e) {
            objects.delete(key);
            throw e;
        }
        return upload;
    }

    public Upload find(String memberId, UUID uploadId) {
        return uploads.find(uploadId).filter(upload -> upload.memberId().equals(memberId))
                .orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND, "Upload not found", "There is no upload " + uploadId + "."));
    }

    public UploadContent content(String memberId, UUID uploadId) {
        Upload upload = find(memberId, uploadId);
        return new UploadContent(upload, objects.open(upload.objectKey()));
    }

    private static byte[] readHead(InputStream body) {
        try {
            return body.readNBytes(ContentSniffer.BYTES_NEEDED);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload's body could not be read", e);
        }
    }
}
