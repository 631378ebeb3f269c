package io.atoll.cell.storage.domain.job;

import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** The notifications of completed requests, as the workers report them. */
public final class NotificationService {
    private final JobStore jobs;
    private final Clock clock;

    public NotificationService(JobStore jobs, Clock clock) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Makes or updates the notification; one that was sent stays sent. */
    public Notification save(UUID notificationId, NotificationUpdate update) {
        return change(notificationId, update.requestId(), (notification, now) -> notification.updatedWith(update, now),
                now -> Notification.first(notificationId, update, now));
    }

    /** Starts the notification's next attempt under a lease; refused while it is sent or another attempt holds it. */
    public Notification startAttempt(UUID notificationId, NotificationAttempt attempt) {
        return change(notificationId, attempt.requestId(), (notification, now) -> notification.attempted(attempt, now),
                now -> Notification.firstAttempt(notificationId, attempt, now));
    }

    private Notification change(UUID notificationId, UUID requestId, BiFunction<Notification, Instant, Notification> next,
                                Function<Instant, Notification> first) {
        if (jobs.findRequest(requestId).isEmpty()) {
            throw new RefusedException(Refusal.UNPROCESSABLE, "Unknown job request", "There is no job request " + requestId + " to notify of.");
        }
        Instant now = clock.instant();
        return jobs.saveNotification(notificationId, current -> current.map(notification -> next.apply(notification, now))
                .orElseGet(() -> first.apply(now)));
    }
}
