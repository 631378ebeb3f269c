package io.atoll.router.proxy;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prometheus metrics per cell: {@code atoll_router_requests_total{cell,status}} (status class of the answer
 * the client got, the router's own errors included), {@code atoll_router_errors_total{cell,kind}} (failed
 * requests to the cell) and {@code atoll_router_request_duration_seconds{cell}} (count and sum).
 *
 * <p>Every request passes here, so it only adds to {@link LongAdder}s, which the registry reads when scraped: a
 * Micrometer counter and timer behind Micronaut's composite registry cost a few per cent of the router's
 * throughput at saturation.
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
        meters.durationCount.increment();
        meters.durationNanos.add(durationNanos);
    }

    public void failed(String cellId, FailureKind kind) {
        of(cellId).failures.get(kind).increment();
    }

    /** Requests answered for the cell so far. */
    public long requests(String cellId) {
        long total = 0;
        for (LongAdder counter : of(cellId).responses) {
            total += counter.sum();
        }
        return total;
    }

    /** Requests answered for the cell with a 5xx status so far. */
    public long serverErrors(String cellId) {
        return of(cellId).responses[4].sum();
    }

    private Meters of(String cellId) {
        Meters meters = byCell.get(cellId);
        return meters != null ? meters : byCell.computeIfAbsent(cellId, id -> new Meters(registry, id));
    }

    private static final class Meters {
        private final LongAdder[] responses = new LongAdder[5];
        private final Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);
        private final LongAdder durationCount = new LongAdder();
        private final LongAdder durationNanos = new LongAdder();

        Meters(MeterRegistry registry, String cellId) {
            for (int statusClass = 1; statusClass <= 5; statusClass++) {
                LongAdder responsesOfClass = new LongAdder();
                responses[statusClass - 1] = responsesOfClass;
                FunctionCounter.builder("atoll.router.requests", responsesOfClass, LongAdder::sum)
                        .description("Requests answered, by cell and status class")
                        .tag("cell", cellId).tag("status", statusClass + "xx").register(registry);
            }
            for (FailureKind kind : FailureKind.values()) {
                LongAdder failuresOfKind = new LongAdder();
                failures.put(kind, failuresOfKind);
                FunctionCounter.builder("atoll.router.errors", failuresOfKind, LongAdder::sum)
                        .description("Failed requests to a cell, by cell and kind")
                        .tag("cell", cellId).tag("kind", kind.tag()).register(registry);
            }
            FunctionTimer.builder("atoll.router.request.duration", this,
                            meters -> meters.durationCount.sum(), meters -> meters.durationNanos.sum(), TimeUnit.NANOSECONDS)
                    .description("Time from a request's arrival to the end of its answer, by cell")
                    .tag("cell", cellId).register(registry);
        }
    }
}
