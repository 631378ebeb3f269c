package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.NotificationChannel;
import io.atoll.cell.storage.domain.job.NotificationStatus;
import io.atoll.cell.storage.domain.job.NotificationUpdate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.UUID;

/** A notification's state as the workers report it. */
@Serdeable
public record NotificationBody(@NotNull UUID requestId,
                               @NotNull @Pattern(regexp = NotificationChannel.CODES, message = "must be one of " + NotificationChannel.CODES) String channel,
                               @NotBlank @Size(max = 2000) String target,
                               @NotNull @Pattern(regexp = NotificationStatus.CODES, message = "must be one of " + NotificationStatus.CODES) String status,
                               @NotNull @Min(0) Integer attempts, @Nullable @Size(max = 4000) String lastError) {
    NotificationUpdate toUpdate() {
        return new NotificationUpdate(requestId, NotificationChannel.ofCode(channel), target, NotificationStatus.ofCode(status), attempts,
                Optional.ofNullable(lastError));
    }
}
