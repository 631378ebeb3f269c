package io.atoll.cell.workers.cleanup.support;

import io.atoll.cell.workers.cleanup.ArchivedCheckin;
import io.atoll.cell.workers.cleanup.ArchivedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Check-ins shaped like the app's: time UUIDs of the day they were received, a few activity events, and now and
 * then the values the app's table allows to be missing left out. Seeded, so a run can be repeated.
 */
public final class CheckinSamples {
    /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
    private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;
    private static final String[] NETWORKS = {"wifi", "cellular", "none"};

    private final Random random;

    public CheckinSamples(long seed) {
        this.random = new Random(seed);
    }

    /** {@code perDevice} check-ins of each of {@code devices} new devices on {@code day}. */
    public List<ArchivedCheckin> day(LocalDate day, int devices, int perDevice) {
        List<ArchivedCheckin> checkins = new ArrayList<>(devices * perDevice);
        for (int device = 0; device < devices; device++) {
            checkins.addAll(device(UUID.randomUUID(), day, perDevice));
        }
        return checkins;
    }

    /** {@code count} check-ins of one device on {@code day}. */
    public List<ArchivedCheckin> device(UUID device, LocalDate day, int count) {
        String member = "member-" + random.nextInt(1_000_000);
        List<ArchivedCheckin> checkins = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            checkins.add(checkin(device, member, day));
        }
        return checkins;
    }

    private ArchivedCheckin checkin(UUID device, String member, LocalDate day) {
        Instant received = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(random.nextInt(24 * 3600 * 1000));
        List<ArchivedEvent> events = new ArrayList<>();
        for (int event = random.nextInt(4); event > 0; event--) {
            events.add(new ArchivedEvent("screen_view", received.minusSeconds(random.nextInt(300)),
                    Map.of("screen", "feed-" + random.nextInt(10), "session", Integer.toString(random.nextInt(1000)))));
        }
        boolean sparse = random.nextInt(10) == 0;
        return new ArchivedCheckin(device, day, timeUuid(received), UUID.randomUUID(), sparse ? null : member,
                received.minusMillis(random.nextInt(5000)), "2." + random.nextInt(20) + ".0", sparse ? null : "android 14",
                sparse ? null : random.nextInt(101), NETWORKS[random.nextInt(NETWORKS.length)], events);
    }

    /** A time UUID of the given millisecond, with random low bits (the app's are unique per process the same way). */
    private UUID timeUuid(Instant at) {
        long ticks = at.toEpochMilli() * 10_000 + UUID_EPOCH_OFFSET + random.nextInt(10_000);
        long timeLow = ticks & 0xFFFFFFFFL;
        long timeMid = (ticks >>> 32) & 0xFFFFL;
        long timeHigh = (ticks >>> 48) & 0x0FFFL;
        long clockSequenceAndNode = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID((timeLow << 32) | (timeMid << 16) | 0x1000L | timeHigh, clockSequenceAndNode);
    }
}
