package io.atoll.cell.workers.cleanup;

/**
 * What one purge did.
 *
 * @param purged uploads purged
 * @param batches requests made to storage
 */
public record PurgeReport(long purged, int batches) {
}
