package io.atoll.cell.auth.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Failed sign-ins per client address, kept in memory: an address limit is a brake on guessing, so a
 * replica counting only what it sees (and forgetting on restart) is enough; the per-account lock, which
 * must hold across replicas, lives with the account.
 */
public final class AddressThrottle {
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final Clock clock;
    private final FailureLimit limit;
    private final Cache<String, FailureWindow> windows;

    public AddressThrottle(Clock clock, FailureLimit limit) {
        this.clock = requireNonNull(clock, "clock is null");
        this.limit = requireNonNull(limit, "limit is null");
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_ADDRESSES)
                .expireAfterWrite(limit.window().compareTo(limit.lockout()) > 0 ? limit.window() : limit.lockout())
                .build();
    }

    /** How long the address must wait, if it must. */
    public Optional<Duration> lockRemaining(String address) {
        FailureWindow current = windows.getIfPresent(address);
        return current == null ? Optional.empty() : current.lockRemaining(clock.instant());
    }

    /** Counts a failure; answers whether it locked the address. */
    public boolean recordFailure(String address) {
        boolean[] locked = {false};
        windows.asMap().compute(address, (key, before) -> {
            FailureWindow current = before == null ? FailureWindow.CLEAR : before;
            FailureWindow after = limit.afterFailure(current, clock.instant());
            locked[0] = after.lockedBy(current, clock.instant());
            return after;
        });
        return locked[0];
    }
}
