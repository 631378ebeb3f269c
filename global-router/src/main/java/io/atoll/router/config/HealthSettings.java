package io.atoll.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Active readiness probes of every cell, and passive outlier detection on the requests the router forwards.
 *
 * @param path the path probed on each cell's ingress URL
 * @param interval time between probes of a cell
 * @param timeout how long a probe may take before it counts as failed
 * @param healthyThreshold consecutive successful probes that bring a cell back
 * @param unhealthyThreshold consecutive failed probes that take a cell out
 * @param ejectionFailures consecutive failed requests (no connection, 5xx, timeout) that eject a cell
 * @param baseEjectionTime how long the first ejection lasts; each further one in a row lasts twice as long
 * @param maxEjectionTime the longest ejection
 */
@ConfigurationProperties("atoll.router.health")
public record HealthSettings(@NotBlank String path,
                             @NotNull Duration interval,
                             @NotNull Duration timeout,
                             @Min(1) int healthyThreshold,
                             @Min(1) int unhealthyThreshold,
                             @Min(1) int ejectionFailures,
                             @NotNull Duration baseEjectionTime,
                             @NotNull Duration maxEjectionTime) {
}
