package io.atoll.cell.app.domain;

import io.atoll.cell.app.domain.feed.FeedPosition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeUuidsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T23:59:59.998Z");

    @Test
    void uuidsAreTimeBasedAndCarryTheClocksMillisecond() {
        UUID uuid = new TimeUuids(Clock.fixed(NOW, ZoneOffset.UTC)).next();

        assertThat(uuid.version()).isEqualTo(1);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(TimeUuids.instantOf(uuid)).isEqualTo(NOW);
    }

    @Test
    void uuidsTakenInTheSameMillisecondAreDistinctAndIncreasing() {
        TimeUuids uuids = new TimeUuids(Clock.fixed(NOW, ZoneOffset.UTC));
        List<FeedPosition> positions = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            positions.add(new FeedPosition(uuids.next(), 0));
        }

        assertThat(new HashSet<>(positions)).hasSize(1_000);
        assertThat(positions).isSorted();
    }

    @Test
    void theLastUuidOfAMillisecondComesAfterEveryUuidOfItAndBeforeTheNextMillisecond() {
        UUID last = TimeUuids.lastOf(NOW);
        UUID sameMillisecond = new TimeUuids(Clock.fixed(NOW, ZoneOffset.UTC)).next();
        UUID nextMillisecond = new TimeUuids(Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC)).next();

        assertThat(new FeedPosition(last, 0)).isGreaterThan(new FeedPosition(sameMillisecond, 0)).isLessThan(new FeedPosition(nextMillisecond, 0));
        assertThat(TimeUuids.instantOf(last)).isEqualTo(NOW);
    }

    @Test
    void onlyTimeBasedUuidsHaveAnInstant() {
        assertThatThrownBy(() -> TimeUuids.instantOf(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
    }
}
