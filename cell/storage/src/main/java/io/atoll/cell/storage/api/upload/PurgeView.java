package io.atoll.cell.storage.api.upload;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a purge did.
 *
 * @param purged how many uploads it removed
 * @param more whether there is more to purge now: call again
 */
@Serdeable
public record PurgeView(int purged, boolean more) {
}
