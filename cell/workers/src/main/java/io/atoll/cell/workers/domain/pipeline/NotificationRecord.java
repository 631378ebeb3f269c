package io.atoll.cell.workers.domain.pipeline;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A notification of a completed request as storage keeps it.
 *
 * @param channel slack, webhook or github-status
 * @param target where it goes, as the channel names it
 * @param status pending, sent or failed
 * @param attempts the sends tried so far
 * @param lastError why the last send failed
 * @param updatedAt set by storage; absent in what the workers send
 */
public record NotificationRecord(UUID id, UUID requestId, String channel, String target, String status, int attempts, String lastError,
                                 Instant updatedAt) {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    public NotificationRecord {
        requireNonNull(id, "id is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(status, "status is null");
    }

    public boolean sent() {
        return SENT.equals(status);
    }
}
