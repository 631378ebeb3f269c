package io.atoll.cell.app.config;

import io.atoll.cell.app.domain.feed.FeedTiming;
import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How the members' feeds are kept and synced.
 *
 * @param retention how long feed items are kept
 * @param writeWindow how long after taking a feed position a writer may still write at it; a later
 *     writer takes a new position instead
 * @param settleDelay how far behind the present a sync reads, so that no write still in flight lands
 *     behind a cursor already handed out; at least the write window plus the Cassandra request timeout
 */
@ConfigurationProperties("atoll.app.feed")
public record FeedSettings(@NotNull Duration retention, @NotNull Duration writeWindow, @NotNull Duration settleDelay) implements FeedTiming {
}
