package io.atoll.cell.workers.cleanup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * The cleanup job: archiving old check-ins and purging expired uploads.
 *
 * @param enabled whether the service runs the job on its own, every {@code interval}
 * @param interval the pause between the end of one scheduled run and the start of the next
 * @param initialDelay how long after start-up the first scheduled run begins
 * @param hotWindow how long check-ins stay in Cassandra: a day is archived once it ended this long ago
 * @param landingBucket the object-store bucket of the warehouse's landing zone; created if missing
 * @param lease how long one run's claim on the cell's archive lasts unless renewed (a run renews it as it goes;
 *     a crashed run's claim lapses after this long)
 * @param partitionsInFlight Cassandra partitions read or deleted at once
 * @param purgeBatchSize uploads storage is asked to purge per request
 */
@ConfigurationProperties("atoll.workers.cleanup")
public record CleanupSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1h") @NotNull Duration interval,
        @Bindable(defaultValue = "1m") @NotNull Duration initialDelay,
        @Bindable(defaultValue = "30d") @NotNull Duration hotWindow,
        @Bindable(defaultValue = "atoll-landing") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") String landingBucket,
        @Bindable(defaultValue = "10m") @NotNull Duration lease,
        @Bindable(defaultValue = "32") @Positive @Max(1024) int partitionsInFlight,
        @Bindable(defaultValue = "100") @Positive @Max(1000) int purgeBatchSize) {
}
