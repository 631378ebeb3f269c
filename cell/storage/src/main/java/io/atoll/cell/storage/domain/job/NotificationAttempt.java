package io.atoll.cell.storage.domain.job;

import java.time.Duration;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A worker about to send a notification.
 *
 * @param requestId the request it tells of
 * @param target where it goes
 * @param lease how long the worker is trusted to be sending it without reporting: its receiver's timeouts and a margin
 */
public record NotificationAttempt(UUID requestId, NotificationChannel channel, String target, Duration lease) {
    public NotificationAttempt {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(target, "target is null");
        requireNonNull(lease, "lease is null");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, not " + lease);
        }
    }
}
