package io.atoll.cell.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * How the app turns the cell's events (order status changes, upload results) into feed items.
 *
 * @param queue the app's own durable queue, bound to the cell's event exchange
 * @param prefetch how many unacknowledged events the broker hands the app at once
 * @param reconnectInterval how long to wait before trying again when the broker cannot be reached
 */
@ConfigurationProperties("atoll.app.feed-events")
public record FeedEventSettings(boolean enabled, @NotBlank String queue, @Positive int prefetch, @NotNull Duration reconnectInterval) {
}
