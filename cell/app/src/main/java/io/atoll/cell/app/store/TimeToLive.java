package io.atoll.cell.app.store;

import io.atoll.cell.app.domain.TimeUuids;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** TTLs in the seconds CQL takes. */
final class TimeToLive {
    private TimeToLive() {
    }

    static int of(Duration duration) {
        return (int) Math.max(1, duration.toSeconds());
    }

    /**
     * What is left of {@code keepFor} counted from when a row was created (its time UUID), so that cells
     * written later expire together with the rest of the row.
     */
    static int remaining(UUID createdAt, Duration keepFor, Instant now) {
        return of(Duration.between(now, TimeUuids.instantOf(createdAt).plus(keepFor)));
    }
}
