package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationChannel;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Posts every completed request as JSON ({@link WebhookPayload}) to one receiver, signed with
 * {@link WebhookSignature} under the shared secret, for any system that wants to act on completions.
 */
@Singleton
@Requires(property = "atoll.workers.notifications.webhook.url")
final class WebhookChannel implements NotificationChannel {
    private final WebhookSettings settings;
    private final NotificationPoster poster;
    private final Clock clock;

    @Inject
    WebhookChannel(WebhookSettings settings, NotificationPoster poster) {
        this(settings, poster, Clock.systemUTC());
    }

    WebhookChannel(WebhookSettings settings, NotificationPoster poster, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.poster = requireNonNull(poster, "poster is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean appliesTo(Completion completion) {
        return true;
    }

    @Override
    public String target(Completion completion) {
        return NotificationPoster.withoutCredentials(settings.url());
    }

    @Override
    public void send(Notification notification) throws NotificationFailedException {
        byte[] body = poster.json(WebhookPayload.of(notification));
        String signature = WebhookSignature.sign(settings.secret(), clock.instant(), body);
        poster.post(settings.url(), notification, Map.of(WebhookSignature.HEADER, signature), body);
    }
}
