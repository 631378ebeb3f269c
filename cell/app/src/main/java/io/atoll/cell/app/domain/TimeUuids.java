package io.atoll.cell.app.domain;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Version 1 (time-based) UUIDs, as Cassandra's {@code timeuuid} orders them: by time first. Made from the
 * application's clock, so that positions and the clock that judges their age agree; strictly increasing
 * within this process, so two taken in the same millisecond never collide or tie.
 */
@Singleton
public final class TimeUuids {
    /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
    private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;
    private static final long TICKS_PER_MILLI = 10_000;

    private final Clock clock;
    private final long clockSequenceAndNode;
    private final AtomicLong lastTicks = new AtomicLong();

    public TimeUuids(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        long random = new SecureRandom().nextLong();
        this.clockSequenceAndNode = (random & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }

    public UUID next() {
        long now = clock.millis() * TICKS_PER_MILLI + UUID_EPOCH_OFFSET;
        long ticks = lastTicks.updateAndGet(last -> Math.max(last + 1, now));
        return new UUID(mostSignificantBits(ticks), clockSequenceAndNode);
    }

    /** The instant a time UUID was made at, to the millisecond. */
    public static Instant instantOf(UUID timeUuid) {
        if (timeUuid.version() != 1) {
            throw new IllegalArgumentException("not a time-based UUID: " + timeUuid);
        }
        return Instant.ofEpochMilli((timeUuid.timestamp() - UUID_EPOCH_OFFSET) / TICKS_PER_MILLI);
    }

    /** The greatest time UUID of the given millisecond in Cassandra's order: the bound for "up to this instant". */
    public static UUID lastOf(Instant instant) {
        long ticks = instant.toEpochMilli() * TICKS_PER_MILLI + UUID_EPOCH_OFFSET + TICKS_PER_MILLI - 1;
        // Cassandra compares the low half as signed bytes, so 0x7f... is its greatest value.
        return new UUID(mostSignificantBits(ticks), 0x7F7F7F7F7F7F7F7FL);
    }

    private static long mostSignificantBits(long ticks) {
        long timeLow = ticks & 0xFFFFFFFFL;
        long timeMid = (ticks >>> 32) & 0xFFFFL;
        long timeHigh = (ticks >>> 48) & 0x0FFFL;
        return (timeLow << 32) | (timeMid << 16) | 0x1000L | timeHigh;
    }
}
