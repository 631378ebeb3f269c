package io.atoll.cell.workers.cleanup;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * What one cleanup run does.
 *
 * @param archive whether to archive old check-ins
 * @param purge whether to purge expired uploads
 * @param hotWindow how old a day must be (counted from its end) to be archived
 */
public record CleanupRequest(boolean archive, boolean purge, Duration hotWindow) {
    public CleanupRequest {
        requireNonNull(hotWindow, "hotWindow is null");
        if (!archive && !purge) {
            throw new IllegalArgumentException("a cleanup run archives, purges or both");
        }
        if (hotWindow.isNegative() || hotWindow.isZero()) {
            throw new IllegalArgumentException("the hot window must be positive: " + hotWindow);
        }
    }
}
