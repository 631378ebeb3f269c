package io.atoll.cell.app.domain.checkin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import static java.util.Objects.requireNonNull;

/**
 * When a device should check in next. The base interval while the cell is not busy; beyond the busy
 * threshold it grows in proportion to the load, up to the maximum, so a crowd of devices spreads itself
 * out instead of coming back at once. A random jitter keeps devices that checked in together apart.
 */
@Singleton
public final class CheckinIntervalPolicy {
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    private final CheckinRules rules;
    private final DoubleSupplier random;

    @Inject
    public CheckinIntervalPolicy(CheckinRules rules) {
        this(rules, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    public CheckinIntervalPolicy(CheckinRules rules, DoubleSupplier random) {
        this.rules = requireNonNull(rules, "rules is null");
        this.random = requireNonNull(random, "random is null");
    }

    public Duration next(int inFlight) {
        double load = Math.max(1.0, (double) inFlight / rules.busyInFlight());
        double millis = Math.min(rules.maxInterval().toMillis(), rules.interval().toMillis() * load);
        double jittered = millis * (1 + rules.jitter() * (2 * random.getAsDouble() - 1));
        long bounded = Math.round(Math.min(rules.maxInterval().toMillis(), jittered));
        return Duration.ofMillis(Math.max(SHORTEST.toMillis(), bounded));
    }
}
