package io.atoll.cell.auth.domain;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How many failed sign-ins lock an account or a client address, and for how long.
 *
 * @param maxFailures failures inside the window that lock
 * @param window the period over which failures are counted
 * @param lockout how long a lock lasts
 */
public record FailureLimit(int maxFailures, Duration window, Duration lockout) {
    public FailureLimit {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        requireNonNull(window, "window is null");
        requireNonNull(lockout, "lockout is null");
    }

    /** The failures after one more at {@code now}. */
    public FailureWindow afterFailure(FailureWindow before, Instant now) {
        return before.afterFailure(now, maxFailures, window, lockout);
    }
}
