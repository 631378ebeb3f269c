package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationChannel;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Posts every completed request to a Slack channel through an incoming webhook ({@link SlackMessage}). */
@Singleton
@Requires(property = "atoll.workers.notifications.slack.url")
final class SlackChannel implements NotificationChannel {
    private final SlackSettings settings;
    private final NotificationPoster poster;

    SlackChannel(SlackSettings settings, NotificationPoster poster) {
        this.settings = requireNonNull(settings, "settings is null");
        this.poster = requireNonNull(poster, "poster is null");
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public boolean appliesTo(Completion completion) {
        return true;
    }

    /** The webhook's host only: the rest of its address is the credential. */
    @Override
    public String target(Completion completion) {
        return NotificationPoster.origin(settings.url());
    }

    @Override
    public void send(Notification notification) throws NotificationFailedException {
        poster.post(settings.url(), notification, Map.of(), poster.json(SlackMessage.of(notification)));
    }
}
