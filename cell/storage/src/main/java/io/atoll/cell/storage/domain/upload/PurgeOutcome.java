package io.atoll.cell.storage.domain.upload;

/**
 * What a purge did.
 *
 * @param purged how many uploads it removed
 * @param more whether another purge has more to do now
 */
public record PurgeOutcome(int purged, boolean more) {
    public PurgeOutcome {
        if (purged < 0) {
            throw new IllegalArgumentException("purged is negative");
        }
    }
}
