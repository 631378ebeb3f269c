package io.atoll.cell.auth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins counted over a fixed window, and the lock they lead to once over the limit.
 *
 * @param failures failures inside the window
 * @param windowStart when the window began; null before any failure
 * @param lockedUntil until when sign-ins are refused; null when not locked
 */
public record FailureWindow(int failures, Instant windowStart, Instant lockedUntil) {
    public static final FailureWindow CLEAR = new FailureWindow(0, null, null);

    /** How long sign-ins stay refused, if they are. */
    public Optional<Duration> lockRemaining(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /** The window after one more failure; reaching {@code maxFailures} locks for {@code lockout}. */
    public FailureWindow afterFailure(Instant now, int maxFailures, Duration window, Duration lockout) {
        boolean fresh = windowStart == null || !now.isBefore(windowStart.plus(window));
        int count = fresh ? 1 : failures + 1;
        Instant start = fresh ? now : windowStart;
        return new FailureWindow(count, start, count >= maxFailures ? now.plus(lockout) : lockedUntil);
    }

    /** Whether this failure is the one that locked. */
    public boolean lockedBy(FailureWindow before, Instant now) {
        return lockRemaining(now).isPresent() && before.lockRemaining(now).isEmpty();
    }
}
