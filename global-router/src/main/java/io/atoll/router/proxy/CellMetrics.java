package io.atoll.router.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics per cell: {@code atoll_router_requests_total{cell,status}} (status class of the answer
 * the client got, the router's own errors included), {@code atoll_router_errors_total{cell,kind}} (failed
 * requests to the cell) and {@code atoll_router_request_duration_seconds{cell}}.
 */
@Singleton
public final class CellMetrics {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Meters> byCell = new ConcurrentHashMap<>();

    CellMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void answered(String cellId, int status, long durationNanos) {
        Meters meters = of(cellId);
        meters.responses[Math.min(Math.max(status / 100, 1), 5) - 1].increment();
        meters.duration.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    public void failed(String cellId, FailureKind kind) {
        of(cellId).failures.get(kind).increment();
    }

    /** Requests answered for the cell so far. */
    public long requests(String cellId) {
        long total = 0;
        for (Counter counter : of(cellId).responses) {
            total += (long) counter.count();
        }
        return total;
    }

    /** Requests answered for the cell with a 5xx status so far. */
    public long serverErrors(String cellId) {
        return (long) of(cellId).responses[4].count();
    }

    private Meters of(String cellId) {
        Meters meters = byCell.get(cellId);
        return meters != null ? meters : byCell.computeIfAbsent(cellId, id -> new Meters(registry, id));
    }

    private static final class Meters {
        private final Counter[] responses = new Counter[5];
        private final Map<FailureKind, Counter> failures = new EnumMap<>(FailureKind.class);
        private final Timer duration;

        Meters(MeterRegistry registry, String cellId) {
            for (int statusClass = 1; statusClass <= 5; statusClass++) {
                responses[statusClass - 1] = Counter.builder("atoll.router.requests")
                        .description("Requests answered, by cell and status class")
                        .tag("cell", cellId).tag("status", statusClass + "xx").register(registry);
            }
            for (FailureKind kind : FailureKind.values()) {
                failures.put(kind, Counter.builder("atoll.router.errors")
                        .description("Failed requests to a cell, by cell and kind")
                        .tag("cell", cellId).tag("kind", kind.tag()).register(registry));
            }
            duration = Timer.builder("atoll.router.request.duration")
                    .description("Time from a request's arrival to the end of its answer, by cell")
                    .tag("cell", cellId).register(registry);
        }
    }
}
