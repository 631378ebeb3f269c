package io.atoll.cell.workers.cleanup;

/** Uploads past their expiry, which storage removes (objects, derived objects, job records and rows) on request. */
public interface ExpiredUploads {
    /** Purges up to {@code limit} expired uploads. */
    Batch purge(int limit);

    /**
     * @param purged uploads purged by this call
     * @param more whether expired uploads remain
     */
    record Batch(int purged, boolean more) {
    }
}
