package io.atoll.cell.storage.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The relay that publishes the outbox to the cell's broker.
 *
 * @param relayEnabled whether this instance runs a relay (any number may; they never publish the same batch)
 * @param batchSize events published per transaction, all sent before waiting for the broker's confirms
 * @param idlePollInterval how often an idle relay looks for events other instances wrote; its own instance's
 *        events wake it at once
 * @param confirmTimeout how long the relay waits for the broker to confirm a batch before it gives up on it
 * @param reconnectDelay the first wait after a failure; doubled on each further failure
 * @param maxReconnectDelay the longest wait between attempts while the broker or database is away
 */
@ConfigurationProperties("atoll.storage.outbox")
public record OutboxSettings(boolean relayEnabled, @Min(1) @Max(5000) int batchSize, @NotNull Duration idlePollInterval,
                             @NotNull Duration confirmTimeout, @NotNull Duration reconnectDelay,
                             @NotNull Duration maxReconnectDelay) {
}
