package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.NotificationAttempt;
import io.atoll.cell.storage.domain.job.NotificationChannel;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.UUID;

/**
 * A worker about to send a notification.
 *
 * @param leaseSeconds how long it is trusted to be sending without reporting: its receiver's timeouts and a margin
 */
@Serdeable
public record NotificationAttemptBody(@NotNull UUID requestId,
                                      @NotNull @Pattern(regexp = NotificationChannel.CODES, message = "must be one of " + NotificationChannel.CODES)
                                      String channel,
                                      @NotBlank @Size(max = 2000) String target,
                                      @NotNull @Min(1) @Max(3600) Integer leaseSeconds) {
    NotificationAttempt toAttempt() {
        return new NotificationAttempt(requestId, NotificationChannel.ofCode(channel), target, Duration.ofSeconds(leaseSeconds));
    }
}
