package io.atoll.cell.workers.domain.notify;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One report of a completion on one channel.
 *
 * @param id stable across every attempt to send it (derived from the request and the channel), so a receiver
 *           that sees it twice knows it is a retry
 * @param attempt 1 for the first send, counting up with each retry
 */
public record Notification(UUID id, int attempt, Completion completion) {
    public Notification {
        requireNonNull(id, "id is null");
        requireNonNull(completion, "completion is null");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, not " + attempt);
        }
    }
}
