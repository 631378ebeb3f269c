package io.atoll.cell.workers.cleanup;

/** Hears each batch of purged uploads. */
public interface PurgeListener {
    default void batchPurged(int purged, boolean more) {
    }
}
