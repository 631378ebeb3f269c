package io.atoll.devstack.cli.simulate;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What a simulated fleet saw: calls sent, answered well or not, how fast, and which cell served which region. */
public final class FleetStats {
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> servedBy = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(3);
    private final Histogram total = new Histogram(3);

    void succeeded(String region, String cell, Duration took) {
        sent.increment();
        ok.increment();
        servedBy.computeIfAbsent(region + " -> " + cell, key -> new LongAdder()).increment();
        latency.recordValue(Math.max(1, took.toNanos() / 1000));
    }

    /** A call that got no answer or an error; {@code reason} is the status or the failure's kind. */
    void failed(String reason) {
        sent.increment();
        failures.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** The totals so far, folding the latest latencies into the run's histogram. */
    synchronized Snapshot snapshot() {
        total.add(latency.getIntervalHistogram());
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((reason, count) -> failed.put(reason, count.sum()));
        Map<String, Long> served = new TreeMap<>();
        servedBy.forEach((route, count) -> served.put(route, count.sum()));
        return new Snapshot(sent.sum(), ok.sum(), failed, served,
                total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(50) / 1000.0,
                total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(99) / 1000.0);
    }

    /**
     * @param p50Millis median latency of the answered calls
     * @param p99Millis 99th percentile latency of the answered calls
     */
    public record Snapshot(long sent, long ok, Map<String, Long> failures, Map<String, Long> servedBy, double p50Millis, double p99Millis) {
        public long failed() {
            return sent - ok;
        }

        public double failedShare() {
            return sent == 0 ? 0 : (double) failed() / sent;
        }

        public String line(Duration elapsed) {
            StringBuilder line = new StringBuilder(String.format("[%4ds] sent %d  ok %d  failed %d (%.2f%%)  p50 %.1f ms  p99 %.1f ms",
                    elapsed.toSeconds(), sent, ok, failed(), failedShare() * 100, p50Millis, p99Millis));
            if (!servedBy.isEmpty()) {
                line.append("  |");
                servedBy.forEach((route, count) -> line.append("  ").append(route).append(": ").append(count));
            }
            if (!failures.isEmpty()) {
                line.append("  | failures ").append(failures);
            }
            return line.toString();
        }
    }
}
