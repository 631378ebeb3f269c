package io.atoll.cell.app.api.command;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/devices/{id}/commands/{commandId}/ack}: how the command went. */
@Serdeable
public record CommandAcknowledgement(@NotNull @Pattern(regexp = "succeeded|failed") String outcome, @Nullable @Size(max = 1024) String detail) {
}
