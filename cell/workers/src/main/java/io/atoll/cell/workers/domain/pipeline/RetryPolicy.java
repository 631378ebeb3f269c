package io.atoll.cell.workers.domain.pipeline;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How often work is tried and how long each retry waits: the n-th failure waits the n-th delay (the last delay
 * for every later failure), and after {@code maxAttempts} failures it is given up.
 */
public final class RetryPolicy {
    private final List<Duration> delays;
    private final int maxAttempts;

    public RetryPolicy(List<Duration> delays, int maxAttempts) {
        this.delays = List.copyOf(requireNonNull(delays, "delays is null"));
        if (this.delays.isEmpty()) {
            throw new IllegalArgumentException("at least one retry delay is needed");
        }
        if (this.delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive: " + delays);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    /** Whether another attempt follows once {@code attemptsMade} have failed. */
    public boolean attemptsRemain(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** Which delay (index into {@link #delays()}) the retry after the {@code failedAttempt}-th failure waits. */
    public int delayIndex(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + failedAttempt);
        }
        return Math.min(failedAttempt, delays.size()) - 1;
    }

    public List<Duration> delays() {
        return delays;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
