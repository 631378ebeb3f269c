package io.atoll.cell.app.api.device;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/devices}. */
@Serdeable
public record DeviceRegistration(@NotBlank @Size(max = 100) String name, @NotNull @Pattern(regexp = "android|ios") String platform) {
}
