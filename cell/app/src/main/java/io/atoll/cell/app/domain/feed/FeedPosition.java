package io.atoll.cell.app.domain.feed;

import io.atoll.cell.app.domain.TimeUuids;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Where an item sits in a member's feed: the time UUID of what was published together, then the item's
 * index within it. Feeds are read in this order; it never changes once an item is written.
 */
public record FeedPosition(UUID publication, int index) implements Comparable<FeedPosition> {
    /** Orders like Cassandra orders timeuuids: by time, then the low half as signed bytes. */
    private static final Comparator<UUID> TIMEUUID_ORDER = Comparator.comparingLong(UUID::timestamp)
            .thenComparingLong(uuid -> uuid.getLeastSignificantBits() ^ 0x0080808080808080L);

    public FeedPosition {
        requireNonNull(publication, "publication is null");
        if (publication.version() != 1) {
            throw new IllegalArgumentException("publication is not a time-based UUID: " + publication);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index is negative: " + index);
        }
    }

    /** The position after every item published up to and including the given instant. */
    public static FeedPosition endOf(Instant instant) {
        return new FeedPosition(TimeUuids.lastOf(instant), Integer.MAX_VALUE);
    }

    public Instant instant() {
        return TimeUuids.instantOf(publication);
    }

    /** The UTC day whose partition holds the item. */
    public LocalDate day() {
        return dayOf(publication);
    }

    /** The UTC day whose partition holds what was published at this time UUID. */
    public static LocalDate dayOf(UUID publication) {
        return LocalDate.ofInstant(TimeUuids.instantOf(publication), ZoneOffset.UTC);
    }

    @Override
    public int compareTo(FeedPosition other) {
        int byPublication = TIMEUUID_ORDER.compare(publication, other.publication);
        return byPublication != 0 ? byPublication : Integer.compare(index, other.index);
    }
}
