package io.atoll.cell.storage.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The job pipeline's records.
 *
 * @param processedMessageRetention how long the workers' processed-message records are kept (the purge forgets
 *        older ones): longer than any message could be redelivered after
 */
@ConfigurationProperties("atoll.storage.jobs")
public record JobSettings(@NotNull Duration processedMessageRetention) {
}
