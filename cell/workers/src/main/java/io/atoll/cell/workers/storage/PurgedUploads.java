package io.atoll.cell.workers.storage;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What one call to purge expired uploads did.
 *
 * @param purged how many expired uploads it deleted, with their objects, results and jobs
 * @param more whether expired uploads remain (call again)
 */
@Serdeable
public record PurgedUploads(int purged, boolean more) {
}
