package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Telling someone of a completed request, and how far that got. */
public record Notification(UUID id, UUID requestId, NotificationChannel channel, String target, NotificationStatus status, int attempts,
                           Optional<String> lastError, Instant createdAt, Instant updatedAt) {
    public Notification {
        requireNonNull(id, "id is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(target, "target is null");
        requireNonNull(status, "status is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /** The notification as first reported. */
    public static Notification first(UUID id, NotificationUpdate update, Instant now) {
        return new Notification(id, update.requestId(), update.channel(), update.target(), update.status(), update.attempts(),
                update.lastError(), now, now);
    }

    /**
     * The notification as the update reports it. Once sent it stays sent, whatever a late report of an earlier try
     * says; it cannot move to another request.
     */
    public Notification updatedWith(NotificationUpdate update, Instant now) {
        if (!update.requestId().equals(requestId)) {
            throw new RefusedException(Refusal.CONFLICT, "Notification of another request",
                    "Notification " + id + " tells of request " + requestId + ", not of " + update.requestId() + ".");
        }
        if (status == NotificationStatus.SENT || reports(update)) {
            return this;
        }
        return new Notification(id, requestId, update.channel(), update.target(), update.status(), update.attempts(), update.lastError(),
                createdAt, now);
    }

    /** Whether the update says nothing this notification does not already say (a repeated report). */
    private boolean reports(NotificationUpdate update) {
        return channel == update.channel() && target.equals(update.target()) && status == update.status()
                && attempts == update.attempts() && lastError.equals(update.lastError());
    }
}
