package io.atoll.cell.app.api.command;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** The body of {@code POST /v1/operator/devices/{id}/commands}: what the device should do. */
@Serdeable
public record CommandRequest(@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String type,
                             @Nullable @Size(max = 16) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 1024) String> arguments) {
}
