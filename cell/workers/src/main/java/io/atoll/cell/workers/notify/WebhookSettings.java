package io.atoll.cell.workers.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;

/**
 * The generic webhook: every completed request is posted as JSON, signed, to one receiver.
 *
 * @param url where completions are posted
 * @param secret the key of the HMAC-SHA256 signature, shared with the receiver
 */
@ConfigurationProperties("atoll.workers.notifications.webhook")
public record WebhookSettings(@NotNull URI url, @NotNull @Size(min = 32) String secret) {
}
