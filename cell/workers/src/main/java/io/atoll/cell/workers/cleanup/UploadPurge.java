package io.atoll.cell.workers.cleanup;

import static java.util.Objects.requireNonNull;

/** Purges expired uploads batch by batch until storage reports none left. */
public final class UploadPurge {
    private final ExpiredUploads uploads;
    private final int batchSize;

    public UploadPurge(ExpiredUploads uploads, int batchSize) {
        this.uploads = requireNonNull(uploads, "uploads is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * @throws IllegalStateException if storage reports expired uploads left but purged none of them, which
     *     repeating at once would not change
     */
    public PurgeReport run(PurgeListener listener) {
        long purged = 0;
        int batches = 0;
        while (true) {
            ExpiredUploads.Batch batch = uploads.purge(batchSize);
            batches++;
            purged += batch.purged();
            listener.batchPurged(batch.purged(), batch.more());
            if (!batch.more()) {
                return new PurgeReport(purged, batches);
            }
            if (batch.purged() == 0) {
                throw new IllegalStateException("storage reports expired uploads left but purged none of them (after " + purged
                        + " purged in " + batches + " requests)");
            }
        }
    }
}
