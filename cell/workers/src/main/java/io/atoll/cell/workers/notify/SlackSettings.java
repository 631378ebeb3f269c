package io.atoll.cell.workers.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.net.URI;

/**
 * The Slack channel: every completed request is posted to one incoming webhook.
 *
 * @param url the incoming webhook's URL; it is itself the credential, so it is never logged or recorded whole
 */
@ConfigurationProperties("atoll.workers.notifications.slack")
public record SlackSettings(@NotNull URI url) {
}
