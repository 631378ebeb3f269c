package io.atoll.cell.app.api.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The device state part of a check-in. */
@Serdeable
public record DeviceStateReport(@NotBlank @Size(max = 32) String appVersion,
                                @NotBlank @Size(max = 64) String os,
                                @Nullable @Min(0) @Max(100) Integer batteryPercent,
                                @NotNull @Pattern(regexp = "wifi|cellular|ethernet|other") String networkType) {
}
