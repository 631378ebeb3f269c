package io.atoll.cell.app.domain.upload;

import io.atoll.cell.app.domain.MemberRef;

import java.io.InputStream;

/** The members' uploads, as storage keeps them; each member reaches only their own. */
public interface UploadBook {
    /**
     * Passes the photo on as it is read: exactly {@code length} bytes, never held whole in memory. Nothing is
     * kept when it fails.
     */
    Upload store(MemberRef member, long length, InputStream photo);

    /** The member's upload; refused as not found when it is absent or another member's. */
    Upload find(MemberRef member, String uploadId);

    /** The upload's bytes, streamed; the caller closes them. */
    UploadContent content(MemberRef member, String uploadId);
}
