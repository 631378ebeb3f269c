package io.atoll.cell.app.domain.checkin;

import io.atoll.cell.app.config.CheckinSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CheckinIntervalPolicyTest {
    private static final CheckinSettings SETTINGS = new CheckinSettings(Duration.ofMinutes(5), Duration.ofMinutes(30), 10, 0.1, 200,
            Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(30));

    @Test
    void aCellThatIsNotBusyHandsOutTheBaseInterval() {
        CheckinIntervalPolicy policy = new CheckinIntervalPolicy(SETTINGS, () -> 0.5);

        assertThat(policy.next(0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.next(10)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void beyondTheBusyThresholdTheIntervalGrowsWithTheLoadUpToTheMaximum() {
        CheckinIntervalPolicy policy = new CheckinIntervalPolicy(SETTINGS, () -> 0.5);

        assertThat(policy.next(20)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.next(50)).isEqualTo(Duration.ofMinutes(25));
        assertThat(policy.next(1_000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterSpreadsIntervalsByTheConfiguredFractionButNeverBeyondTheMaximum() {
        assertThat(new CheckinIntervalPolicy(SETTINGS, () -> 0.0).next(0)).isEqualTo(Duration.ofSeconds(270));
        assertThat(new CheckinIntervalPolicy(SETTINGS, () -> 0.999_999).next(0)).isBetween(Duration.ofSeconds(329), Duration.ofSeconds(330));
        assertThat(new CheckinIntervalPolicy(SETTINGS, () -> 0.999_999).next(1_000)).isEqualTo(Duration.ofMinutes(30));
    }
}
