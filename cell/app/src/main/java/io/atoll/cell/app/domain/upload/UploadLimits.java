package io.atoll.cell.app.domain.upload;

/** What a photo upload may be; the service's settings provide it ({@code atoll.app.uploads.*}). */
public interface UploadLimits {
    /** The largest photo accepted, in bytes. */
    long maxBytes();
}
