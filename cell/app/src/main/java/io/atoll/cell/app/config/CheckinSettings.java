package io.atoll.cell.app.config;

import io.atoll.cell.app.domain.checkin.CheckinRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * How devices check in.
 *
 * @param interval the check-in interval the app hands out when the cell is not busy
 * @param maxInterval the longest interval it hands out when the cell is busy
 * @param busyInFlight how many check-ins in progress at once count as busy; beyond it the interval grows
 *     in proportion
 * @param jitter the fraction by which an interval is randomly shortened or lengthened, so that devices
 *     which checked in together drift apart
 * @param maxEvents the most activity events one check-in may carry
 * @param maxClockSkew how far ahead of the server's clock a client timestamp may be
 * @param maxAge how far behind the server's clock a client timestamp may be (devices that were offline
 *     send late)
 * @param hotWindow how long raw check-ins are kept in Cassandra; also how long a check-in id is remembered
 */
@ConfigurationProperties("atoll.app.checkin")
public record CheckinSettings(
        @NotNull Duration interval,
        @NotNull Duration maxInterval,
        @Positive int busyInFlight,
        @DecimalMin("0.0") @DecimalMax("0.5") double jitter,
        @Positive int maxEvents,
        @NotNull Duration maxClockSkew,
        @NotNull Duration maxAge,
        @NotNull Duration hotWindow) implements CheckinRules {
}
