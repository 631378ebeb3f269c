package io.atoll.cell.auth.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FailureWindowTest {
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theFailureThatReachesTheLimitLocks() {
        FailureWindow first = FailureWindow.CLEAR.afterFailure(start, 3, WINDOW, LOCKOUT);
        FailureWindow second = first.afterFailure(start.plusSeconds(10), 3, WINDOW, LOCKOUT);
        FailureWindow third = second.afterFailure(start.plusSeconds(20), 3, WINDOW, LOCKOUT);

        assertThat(second.lockRemaining(start.plusSeconds(10))).isEmpty();
        assertThat(third.lockedBy(second, start.plusSeconds(20))).isTrue();
        assertThat(third.lockRemaining(start.plusSeconds(20))).contains(LOCKOUT);
        assertThat(third.lockRemaining(start.plusSeconds(20).plus(LOCKOUT))).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowStartAfresh() {
        FailureWindow two = FailureWindow.CLEAR.afterFailure(start, 3, WINDOW, LOCKOUT).afterFailure(start.plusSeconds(1), 3, WINDOW, LOCKOUT);
        FailureWindow later = two.afterFailure(start.plus(WINDOW), 3, WINDOW, LOCKOUT);

        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.windowStart()).isEqualTo(start.plus(WINDOW));
        assertThat(later.lockRemaining(start.plus(WINDOW))).isEmpty();
    }
}
