package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.job.NotificationService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The notifications of completed requests, as the workers report them. */
@Controller("/storage/v1/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {
    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = requireNonNull(notifications, "notifications is null");
    }

    /** Makes or updates the notification; one that was sent stays sent. */
    @Put("/{notificationId}")
    @Secured(Scopes.WRITE)
    NotificationView save(@PathVariable UUID notificationId, @Body @Valid NotificationBody body) {
        return NotificationView.of(notifications.save(notificationId, body.toUpdate()));
    }

    /** Starts its next attempt (the first makes it); 409 when it was sent or another attempt is being sent. */
    @Post("/{notificationId}/attempts")
    @Secured(Scopes.WRITE)
    NotificationView startAttempt(@PathVariable UUID notificationId, @Body @Valid NotificationAttemptBody body) {
        return NotificationView.of(notifications.startAttempt(notificationId, body.toAttempt()));
    }
}
