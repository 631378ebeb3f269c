package io.atoll.devstack.cli.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** A fleet of simulated devices driven against the platform for a while, reporting as it goes. */
public final class Fleet {
    /** Every tenth member also orders and uploads photos; the rest only check in, as most of a real fleet does. */
    private static final int SHOPPER_EVERY = 10;
    private final URI target;
    private final List<String> regions;
    private final int devices;
    private final Duration interval;

    public Fleet(URI target, List<String> regions, int devices, Duration interval) {
        this.target = requireNonNull(target, "target is null");
        this.regions = List.copyOf(regions);
        if (this.regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        if (devices < 1) {
            throw new IllegalArgumentException("at least one device is needed");
        }
        this.devices = devices;
        this.interval = requireNonNull(interval, "interval is null");
    }

    /** Runs for {@code duration}, passing a summary line to {@code report} every {@code every}; returns the totals. */
    public FleetStats.Snapshot run(Duration duration, Duration every, Consumer<String> report) throws InterruptedException {
        FleetStats stats = new FleetStats();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(Math.min(32, Math.max(4, devices / 4)));
        // At the end, calls under way finish and are counted; the next ones, not due yet, are dropped.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            for (int n = 0; n < devices; n++) {
                String region = regions.get(n % regions.size());
                String email = "sim-" + run + "-" + n + "@" + region + ".example.test";
                SimulatedDevice device = new SimulatedDevice(new MobileClient(http, target, email, region), region, stats,
                        n % SHOPPER_EVERY == 0);
                // Devices come online spread over the first interval, not all at once.
                long startIn = ThreadLocalRandom.current().nextLong(Math.max(1, interval.toMillis()));
                scheduler.schedule(() -> drive(scheduler, device, deadline), startIn, TimeUnit.MILLISECONDS);
            }
            while (System.nanoTime() < deadline) {
                long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
                if (scheduler.awaitTermination(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                    break;
                }
                report.accept(stats.snapshot().line(Duration.ofNanos(System.nanoTime() - started)));
            }
        } finally {
            scheduler.shutdown();
            if (!scheduler.awaitTermination(15, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        }
        return stats.snapshot();
    }

    private void drive(ScheduledExecutorService scheduler, SimulatedDevice device, long deadline) {
        if (System.nanoTime() >= deadline) {
            return;
        }
        Duration next = device.step(interval);
        if (!scheduler.isShutdown() && System.nanoTime() + next.toNanos() < deadline) {
            scheduler.schedule(() -> drive(scheduler, device, deadline), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
