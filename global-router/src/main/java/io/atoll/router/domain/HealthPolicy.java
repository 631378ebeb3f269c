package io.atoll.router.domain;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * When a cell counts as up or down.
 *
 * @param healthyThreshold consecutive successful readiness probes that bring a not-ready cell back
 * @param unhealthyThreshold consecutive failed readiness probes that take a cell out
 * @param ejectionFailures consecutive failed requests (connect failures, 5xx, timeouts) that eject a cell
 * @param baseEjection how long the first ejection lasts; each further one in a row lasts twice as long
 * @param maxEjection the longest ejection, and how long a cell must stay clean before its back-off starts over
 */
public record HealthPolicy(int healthyThreshold, int unhealthyThreshold, int ejectionFailures,
                           Duration baseEjection, Duration maxEjection) {
    public HealthPolicy {
        requireNonNull(baseEjection, "baseEjection is null");
        requireNonNull(maxEjection, "maxEjection is null");
        if (healthyThreshold < 1 || unhealthyThreshold < 1 || ejectionFailures < 1) {
            throw new IllegalArgumentException("health thresholds must be at least 1");
        }
        if (baseEjection.isNegative() || maxEjection.compareTo(baseEjection) < 0) {
            throw new IllegalArgumentException("the maximum ejection must be at least the base ejection");
        }
    }
}
