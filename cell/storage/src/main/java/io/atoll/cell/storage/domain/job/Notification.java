package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Telling someone of a completed request, and how far that got.
 *
 * @param leaseUntil while pending: until when the worker sending it is trusted to be at it
 */
public record Notification(UUID id, UUID requestId, NotificationChannel channel, String target, NotificationStatus status, int attempts,
                           Optional<String> lastError, Optional<Instant> leaseUntil, Instant createdAt, Instant updatedAt) {
    public Notification {
        requireNonNull(id, "id is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(target, "target is null");
        requireNonNull(status, "status is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(leaseUntil, "leaseUntil is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /** The notification as first reported. */
    public static Notification first(UUID id, NotificationUpdate update, Instant now) {
        return new Notification(id, update.requestId(), update.channel(), update.target(), update.status(), update.attempts(),
                update.lastError(), Optional.empty(), now, now);
    }

    /** The notification's first attempt, pending under a lease. */
    public static Notification firstAttempt(UUID id, NotificationAttempt attempt, Instant now) {
        return new Notification(id, attempt.requestId(), attempt.channel(), attempt.target(), NotificationStatus.PENDING, 1, Optional.empty(),
                Optional.of(now.plus(attempt.lease())), now, now);
    }

    /**
     * The notification with its next attempt pending under a lease. Refused while it is sent, and while another
     * attempt is pending within its lease: one sender at a time. What the previous attempt left (its error) stays
     * until this one is reported.
     */
    public Notification attempted(NotificationAttempt attempt, Instant now) {
        requireSameRequest(attempt.requestId());
        if (status == NotificationStatus.SENT) {
            throw new RefusedException(Refusal.CONFLICT, "Notification already sent", "Notification " + id + " was sent and is not sent again.");
        }
        if (status == NotificationStatus.PENDING && leaseUntil.filter(now::isBefore).isPresent()) {
            throw new RefusedException(Refusal.CONFLICT, "Notification being sent",
                    "Attempt " + attempts + " of notification " + id + " is being sent until " + leaseUntil.orElseThrow() + ".");
        }
        return new Notification(id, requestId, attempt.channel(), attempt.target(), NotificationStatus.PENDING, attempts + 1, lastError,
                Optional.of(now.plus(attempt.lease())), createdAt, now);
    }

    /**
     * The notification as the update reports it. Once sent it stays sent, whatever a late report of an earlier try
     * says; it cannot move to another request.
     */
    public Notification updatedWith(NotificationUpdate update, Instant now) {
        requireSameRequest(update.requestId());
        if (status == NotificationStatus.SENT || reports(update)) {
            return this;
        }
        return new Notification(id, requestId, update.channel(), update.target(), update.status(), update.attempts(), update.lastError(),
                Optional.empty(), createdAt, now);
    }

    private void requireSameRequest(UUID reported) {
        if (!reported.equals(requestId)) {
            throw new RefusedException(Refusal.CONFLICT, "Notification of another request",
                    "Notification " + id + " tells of request " + requestId + ", not of " + reported + ".");
        }
    }

    /** Whether the update says nothing this notification does not already say (a repeated report). */
    private boolean reports(NotificationUpdate update) {
        return channel == update.channel() && target.equals(update.target()) && status == update.status()
                && attempts == update.attempts() && lastError.equals(update.lastError());
    }
}
