package io.atoll.devstack.cli.simulate;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulated fleet saw: members signed up, calls sent, answered well or not, how fast, which cell served
 * which region and when each cell last answered. Besides the run's totals it keeps a window, closed now and then,
 * so that a run can be read in parts (before a cell failed, and after).
 */
public final class FleetStats {
    private final LongAdder onboarded = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> servedBy = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAnswerNanos = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final Histogram window = new Histogram(3);
    /** The totals when the current window opened. */
    private Snapshot windowStart = new Snapshot(0, 0, 0, Map.of(), Map.of(), 0, 0);

    /** A member that has signed up, logged in and registered its phone. */
    void onboarded() {
        onboarded.increment();
    }

    void succeeded(String region, String cell, Duration took) {
        sent.increment();
        ok.increment();
        servedBy.computeIfAbsent(region + " -> " + cell, key -> new LongAdder()).increment();
        lastAnswerNanos.put(cell, System.nanoTime());
        latency.recordValue(Math.max(1, took.toNanos() / 1000));
    }

    /** A call that got no answer or an error; {@code reason} is the status or the failure's kind. */
    void failed(String reason) {
        sent.increment();
        failures.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** When each cell that has answered answered last, as {@link System#nanoTime()}. */
    Map<String, Long> lastAnswers() {
        return Map.copyOf(lastAnswerNanos);
    }

    /** The totals so far, folding the latest latencies into the run's histogram and the window's. */
    public synchronized Snapshot snapshot() {
        Histogram latest = latency.getIntervalHistogram();
        total.add(latest);
        window.add(latest);
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((reason, count) -> failed.put(reason, count.sum()));
        Map<String, Long> served = new TreeMap<>();
        servedBy.forEach((route, count) -> served.put(route, count.sum()));
        return new Snapshot(onboarded.sum(), sent.sum(), ok.sum(), failed, served, percentile(total, 50), percentile(total, 99));
    }

    /** What happened since the window opened (its latencies alone), and opens the next one. */
    public synchronized Snapshot closeWindow() {
        Snapshot now = snapshot();
        Snapshot part = new Snapshot(now.onboarded() - windowStart.onboarded(), now.sent() - windowStart.sent(), now.ok() - windowStart.ok(),
                minus(now.failures(), windowStart.failures()), minus(now.servedBy(), windowStart.servedBy()),
                percentile(window, 50), percentile(window, 99));
        window.reset();
        windowStart = now;
        return part;
    }

    private static Map<String, Long> minus(Map<String, Long> now, Map<String, Long> before) {
        Map<String, Long> difference = new TreeMap<>();
        now.forEach((key, count) -> {
            long added = count - before.getOrDefault(key, 0L);
            if (added > 0) {
                difference.put(key, added);
            }
        });
        return difference;
    }

    private static double percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * @param onboarded members signed up with a registered phone
     * @param p50Millis median latency of the answered calls
     * @param p99Millis 99th percentile latency of the answered calls
     */
    public record Snapshot(long onboarded, long sent, long ok, Map<String, Long> failures, Map<String, Long> servedBy,
                           double p50Millis, double p99Millis) {
        public Snapshot {
            failures = Collections.unmodifiableMap(new TreeMap<>(failures));
            servedBy = Collections.unmodifiableMap(new TreeMap<>(servedBy));
        }

        public long failed() {
            return sent - ok;
        }

        public double failedShare() {
            return sent == 0 ? 0 : (double) failed() / sent;
        }

        public String line(Duration elapsed) {
            return String.format("[%4ds] %s", elapsed.toSeconds(), counts());
        }

        /** Calls, failures, latencies, which cell served which region, and why calls failed. */
        public String counts() {
            StringBuilder line = new StringBuilder(String.format("sent %d  ok %d  failed %d (%.2f%%)  p50 %.1f ms  p99 %.1f ms",
                    sent, ok, failed(), failedShare() * 100, p50Millis, p99Millis));
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
