package io.atoll.router.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router's view of one cell's health: readiness from active probes, the round-trip time of those probes,
 * and ejection by passive outlier detection (consecutive failed requests). Probes are reported by one probe
 * at a time; request outcomes by any data-plane thread.
 */
public final class CellHealth {
    private static final double RTT_SMOOTHING = 0.3;

    private final HealthPolicy policy;
    private final AtomicInteger consecutiveRequestFailures = new AtomicInteger();
    private volatile Readiness readiness = Readiness.UNKNOWN;
    private volatile double rttMillis = Double.NaN;
    private volatile String lastProbeFailure;
    private volatile boolean ejectionActive;
    private volatile long ejectedUntilNanos;
    private int probeSuccesses;
    private int probeFailures;
    private int ejectionLevel;

    CellHealth(HealthPolicy policy) {
        this.policy = policy;
    }

    /** Records a successful probe; returns the new readiness when it changed. */
    public synchronized Optional<Readiness> probeSucceeded(Duration roundTrip) {
        double millis = roundTrip.toNanos() / 1_000_000.0;
        rttMillis = Double.isNaN(rttMillis) ? millis : RTT_SMOOTHING * millis + (1 - RTT_SMOOTHING) * rttMillis;
        lastProbeFailure = null;
        probeFailures = 0;
        probeSuccesses++;
        boolean up = readiness == Readiness.UNKNOWN || readiness == Readiness.NOT_READY && probeSuccesses >= policy.healthyThreshold();
        return up ? change(Readiness.READY) : Optional.empty();
    }

    /** Records a failed probe; returns the new readiness when it changed. */
    public synchronized Optional<Readiness> probeFailed(String reason) {
        lastProbeFailure = reason;
        probeSuccesses = 0;
        probeFailures++;
        boolean down = readiness != Readiness.NOT_READY && probeFailures >= policy.unhealthyThreshold();
        return down ? change(Readiness.NOT_READY) : Optional.empty();
    }

    public void requestSucceeded() {
        if (consecutiveRequestFailures.get() != 0) {
            consecutiveRequestFailures.set(0);
        }
    }

    /** Counts a failed request; true when the count reached the ejection threshold. */
    boolean requestFailed() {
        return consecutiveRequestFailures.incrementAndGet() >= policy.ejectionFailures();
    }

    /** Ejects the cell, each ejection in a row twice as long as the one before; returns how long. */
    synchronized Duration eject(long nowNanos) {
        if (ejectionActive && nowNanos - ejectedUntilNanos > policy.maxEjection().toNanos()) {
            ejectionLevel = 0;
        }
        Duration duration = policy.baseEjection().multipliedBy(1L << Math.min(ejectionLevel, 20));
        if (duration.compareTo(policy.maxEjection()) > 0) {
            duration = policy.maxEjection();
        }
        ejectionLevel++;
        ejectedUntilNanos = nowNanos + duration.toNanos();
        ejectionActive = true;
        consecutiveRequestFailures.set(0);
        return duration;
    }

    public boolean isEjected(long nowNanos) {
        return ejectionActive && nowNanos - ejectedUntilNanos < 0;
    }

    /** How much longer the cell stays ejected, when it is. */
    public Optional<Duration> ejectionRemaining(long nowNanos) {
        return isEjected(nowNanos) ? Optional.of(Duration.ofNanos(ejectedUntilNanos - nowNanos)) : Optional.empty();
    }

    /** Whether requests may go to the cell: not known to be unready and not ejected. */
    public boolean isRoutable(long nowNanos) {
        return readiness != Readiness.NOT_READY && !isEjected(nowNanos);
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The smoothed round-trip time of the readiness probes, once one succeeded. */
    public OptionalDouble rttMillis() {
        double millis = rttMillis;
        return Double.isNaN(millis) ? OptionalDouble.empty() : OptionalDouble.of(millis);
    }

    /** Why the last probe failed, while probes fail. */
    public Optional<String> lastProbeFailure() {
        return Optional.ofNullable(lastProbeFailure);
    }

    private Optional<Readiness> change(Readiness next) {
        readiness = next;
        return Optional.of(next);
    }
}
