package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.Notification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A notification as the API shows it. */
@Serdeable
public record NotificationView(UUID id, UUID requestId, String channel, String target, String status, int attempts,
                               @Nullable String lastError, Instant updatedAt) {
    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id(), notification.requestId(), notification.channel().code(), notification.target(),
                notification.status().code(), notification.attempts(), notification.lastError().orElse(null), notification.updatedAt());
    }
}
