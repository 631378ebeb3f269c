package io.atoll.cell.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * @param maxPerMember how many active devices one member may have
 * @param retiredRetention how long a retired device stays readable before it is gone
 */
@ConfigurationProperties("atoll.app.devices")
public record DeviceSettings(@Positive int maxPerMember, @NotNull Duration retiredRetention) {
}
