package io.atoll.router.api;

import io.atoll.router.domain.Cell;
import io.atoll.router.domain.CurrentRegistry;
import io.atoll.router.proxy.CellMetrics;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per second and the share of 5xx answers per cell over the last few seconds, sampled from the
 * request counters once a second, for the admin page.
 */
@Singleton
final class TrafficRates {
    private static final int WINDOW_SAMPLES = 6;

    private final CurrentRegistry registry;
    private final CellMetrics metrics;
    private final Map<String, ArrayDeque<Sample>> samplesByCell = new ConcurrentHashMap<>();

    TrafficRates(CurrentRegistry registry, CellMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    @Scheduled(fixedRate = "1s")
    void sample() {
        long now = System.nanoTime();
        samplesByCell.keySet().retainAll(registry.get().cells().stream().map(Cell::id).toList());
        for (Cell cell : registry.get().cells()) {
            ArrayDeque<Sample> samples = samplesByCell.computeIfAbsent(cell.id(), id -> new ArrayDeque<>());
            synchronized (samples) {
                samples.addLast(new Sample(now, metrics.requests(cell.id()), metrics.serverErrors(cell.id())));
                if (samples.size() > WINDOW_SAMPLES) {
                    samples.removeFirst();
                }
            }
        }
    }

    Rate of(String cellId) {
        ArrayDeque<Sample> samples = samplesByCell.get(cellId);
        if (samples == null) {
            return new Rate(0, 0);
        }
        synchronized (samples) {
            if (samples.size() < 2) {
                return new Rate(0, 0);
            }
            Sample oldest = samples.getFirst();
            Sample newest = samples.getLast();
            long requests = newest.requests() - oldest.requests();
            long errors = newest.serverErrors() - oldest.serverErrors();
            double seconds = (newest.nanos() - oldest.nanos()) / 1e9;
            return new Rate(requests / seconds, requests == 0 ? 0 : (double) errors / requests);
        }
    }

    record Rate(double requestsPerSecond, double errorRate) {
    }

    private record Sample(long nanos, long requests, long serverErrors) {
    }
}
