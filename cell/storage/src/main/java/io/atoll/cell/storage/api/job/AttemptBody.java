package io.atoll.cell.storage.api.job;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * An attempt of a job starting.
 *
 * @param leaseSeconds how long its runner is trusted to be alive without reporting: the job's timeout and a margin
 */
@Serdeable
public record AttemptBody(@NotNull @Min(1) @Max(7200) Integer leaseSeconds) {
    Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }
}
