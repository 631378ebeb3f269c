package io.atoll.cell.workers.cleanup;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One raw check-in as the app stores it in its {@code checkins} table, keyed by device, UTC day, receive
 * time UUID and check-in id, and as the archive keeps it.
 *
 * @param receivedAt the time UUID the app received the check-in at (part of the key, kept exactly)
 */
public record ArchivedCheckin(UUID deviceId, LocalDate day, UUID receivedAt, UUID checkinId, @Nullable String memberId,
                              @Nullable Instant clientTime, @Nullable String appVersion, @Nullable String os,
                              @Nullable Integer batteryPercent, @Nullable String networkType, List<ArchivedEvent> events) {
    /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
    private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;
    private static final long TICKS_PER_MILLI = 10_000;

    /**
     * The order of a day's devices in an archive file: by the id's text, which is also the order of the
     * file's {@code device_id} column, so that readers can skip row groups by its statistics.
     */
    public static final Comparator<UUID> DEVICE_ORDER = Comparator.comparing(UUID::toString);

    /** The order of one device's check-ins in a file: newest first, as the app's partition holds them. */
    public static final Comparator<ArchivedCheckin> NEWEST_FIRST = Comparator.comparing(ArchivedCheckin::receivedInstant).reversed()
            .thenComparing(checkin -> checkin.receivedAt().toString())
            .thenComparing(checkin -> checkin.checkinId().toString());

    public ArchivedCheckin {
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(day, "day is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(checkinId, "checkinId is null");
        events = List.copyOf(requireNonNull(events, "events is null"));
        if (receivedAt.version() != 1) {
            throw new IllegalArgumentException("receivedAt is not a time UUID: " + receivedAt);
        }
    }

    /** When the app received the check-in, to the millisecond (the precision the app gives its time UUIDs). */
    public Instant receivedInstant() {
        return Instant.ofEpochMilli(Math.floorDiv(receivedAt.timestamp() - UUID_EPOCH_OFFSET, TICKS_PER_MILLI));
    }

    /** What identifies the check-in within its device's day: the clustering key of the app's table. */
    public Key key() {
        return new Key(receivedAt, checkinId);
    }

    public record Key(UUID receivedAt, UUID checkinId) {
        public Key {
            requireNonNull(receivedAt, "receivedAt is null");
            requireNonNull(checkinId, "checkinId is null");
        }
    }
}
