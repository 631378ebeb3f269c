package io.atoll.cell.app.domain.upload;

import io.atoll.cell.app.domain.MemberRef;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import jakarta.inject.Singleton;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Takes members' photos: refuses from the request head what cannot be accepted (no length, too long), and
 * from the first bytes what is not a photo, before anything reaches storage; then streams the rest on.
 */
@Singleton
public final class PhotoUploads {
    /** Passed on in pieces of this size; only this much of a photo is in the app's memory at a time. */
    private static final int PIECE_BYTES = 16 * 1024;

    private final UploadBook uploads;
    private final UploadLimits limits;

    public PhotoUploads(UploadBook uploads, UploadLimits limits) {
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /**
     * Passes the photo on to storage once its declared length and its first bytes show it can be accepted.
     *
     * @param body opened only after the declared length was found acceptable
     */
    public Upload upload(MemberRef member, OptionalLong declaredLength, Supplier<InputStream> body) {
        long length = acceptableLength(declaredLength, limits.maxBytes());
        BufferedInputStream photo = new BufferedInputStream(body.get(), PIECE_BYTES);
        try {
            photo.mark(PhotoFormat.SIGNATURE_LENGTH);
            byte[] head = photo.readNBytes(PhotoFormat.SIGNATURE_LENGTH);
            photo.reset();
            if (PhotoFormat.of(head).isEmpty()) {
                throw notAPhoto();
            }
        } catch (IOException unreadable) {
            throw new RefusedException(Refusal.BAD_REQUEST, "Incomplete photo", "The photo's bytes could not be read: " + unreadable.getMessage());
        }
        return uploads.store(member, length, photo);
    }

    /** The length the client declared, if it may be accepted. */
    static long acceptableLength(OptionalLong declared, long maxBytes) {
        if (declared.isEmpty()) {
            throw new RefusedException(Refusal.LENGTH_REQUIRED, "Length required",
                    "A photo upload must state its size in Content-Length.");
        }
        long length = declared.getAsLong();
        if (length > maxBytes) {
            throw new RefusedException(Refusal.TOO_LARGE, "Photo too large",
                    "The photo has " + length + " bytes; at most " + maxBytes + " are accepted.");
        }
        if (length == 0) {
            throw notAPhoto();
        }
        return length;
    }

    private static RefusedException notAPhoto() {
        return new RefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE, "Not a photo", "Only JPEG, PNG and WebP photos are accepted.");
    }
}
