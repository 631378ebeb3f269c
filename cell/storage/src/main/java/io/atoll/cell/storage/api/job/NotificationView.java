package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.Notification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as the API shows it.
 *
 * @param leaseUntil while pending: until when the worker sending it is trusted to be at it
 */
@Serdeable
public record NotificationView(UUID id, UUID requestId, String channel, String target, String status, int attempts,
                               @Nullable String lastError, @Nullable Instant leaseUntil, Instant updatedAt) {
    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id(), notification.requestId(), notification.channel().code(), notification.target(),
                notification.status().code(), notification.attempts(), notification.lastError().orElse(null),
                notification.leaseUntil().orElse(null), notification.updatedAt());
    }
}
