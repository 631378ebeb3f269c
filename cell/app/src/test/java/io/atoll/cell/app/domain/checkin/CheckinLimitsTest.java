package io.atoll.cell.app.domain.checkin;

import io.atoll.cell.app.config.CheckinSettings;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CheckinLimitsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final CheckinLimits LIMITS = new CheckinLimits(new CheckinSettings(Duration.ofMinutes(5), Duration.ofMinutes(30), 64, 0.1, 3,
            Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(30)));

    @Test
    void aCheckinWithinTheLimitsPasses() {
        assertThatNoException().isThrownBy(() -> LIMITS.check(checkin(NOW.plus(Duration.ofHours(1)), events(3, NOW.minus(Duration.ofDays(7)))), NOW));
    }

    @Test
    void moreEventsThanAllowedIsTooLarge() {
        assertThat(refusal(checkin(NOW, events(4, NOW)))).isEqualTo(Refusal.TOO_LARGE);
    }

    @Test
    void timestampsBeyondTheClockSkewOrTheMaximumAgeAreUnprocessable() {
        assertThat(refusal(checkin(NOW.plus(Duration.ofMinutes(61)), events(0, NOW)))).isEqualTo(Refusal.UNPROCESSABLE);
        assertThat(refusal(checkin(NOW.minus(Duration.ofDays(7)).minusSeconds(1), events(0, NOW)))).isEqualTo(Refusal.UNPROCESSABLE);
        assertThat(refusal(checkin(NOW, events(1, NOW.plus(Duration.ofDays(1)))))).isEqualTo(Refusal.UNPROCESSABLE);
        assertThat(refusal(checkin(NOW, events(1, Instant.EPOCH)))).isEqualTo(Refusal.UNPROCESSABLE);
    }

    private static Refusal refusal(CheckinSubmission submission) {
        RefusedException refused = catchThrowableOfType(RefusedException.class, () -> LIMITS.check(submission, NOW));
        assertThat(refused).isNotNull();
        return refused.refusal();
    }

    private static CheckinSubmission checkin(Instant clientTime, List<ActivityEvent> events) {
        return new CheckinSubmission(UUID.randomUUID(), clientTime, new DeviceReport("1.0", "iOS 18", null, NetworkType.CELLULAR), events);
    }

    private static List<ActivityEvent> events(int count, Instant at) {
        return Collections.nCopies(count, new ActivityEvent("tap", at, Map.of()));
    }
}
