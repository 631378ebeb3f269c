package io.atoll.devstack.cli.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A fleet of simulated devices driven against the platform for a while, reporting as it goes: first the members
 * signing up, then the calls, each second; and cut into windows, at a fixed length and wherever something
 * happened to the cells, so the summary tells before an event from after it.
 */
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

    /** One part of a run: its span in seconds from the start, what happened in it, and what ended it early, if anything. */
    public record Window(long fromSecond, long toSecond, FleetStats.Snapshot stats, List<String> endedBy) {
        public Window {
            requireNonNull(stats, "stats is null");
            endedBy = List.copyOf(endedBy);
        }
    }

    /** A whole run: its totals and its windows in order. */
    public record Run(FleetStats.Snapshot total, List<Window> windows) {
        public Run {
            requireNonNull(total, "total is null");
            windows = List.copyOf(windows);
        }
    }

    /**
     * Runs for {@code duration}, passing a line to {@code report} every second and one for each event; closes a
     * window every {@code window} and at every event, from the fleet's answers or from {@code outsideEvents}
     * (polled each second; e.g. the router's own view of the cells).
     */
    public Run run(Duration duration, Duration window, Supplier<List<String>> outsideEvents, Consumer<String> report) throws InterruptedException {
        FleetStats stats = new FleetStats();
        // A cell is gone once silent for a few of the gaps its share of the fleet leaves between answers.
        CellPresence presence = new CellPresence(max(Duration.ofSeconds(3), interval.multipliedBy(3L * regions.size()).dividedBy(devices)));
        List<Window> windows = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        long windowOpened = started;
        boolean onboarding = true;
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
                long wait = Math.min(Duration.ofSeconds(1).toNanos(), deadline - System.nanoTime());
                if (scheduler.awaitTermination(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                    break;
                }
                long now = System.nanoTime();
                FleetStats.Snapshot snapshot = stats.snapshot();
                String elapsed = String.format("[%4ds] ", seconds(now - started));
                if (onboarding && snapshot.onboarded() >= devices) {
                    onboarding = false;
                    report.accept(elapsed + "all " + devices + " members signed up; each checks in every " + interval.toMillis() / 1000.0 + " s");
                }
                report.accept(elapsed + (onboarding ? "signing up " + devices + " members: " + snapshot.onboarded() + " done | " : "") + snapshot.counts());
                List<String> events = new ArrayList<>(presence.changes(stats.lastAnswers(), now));
                events.addAll(outsideEvents.get());
                events.forEach(event -> report.accept(elapsed + "event: " + event));
                if (!events.isEmpty() || now - windowOpened >= window.toNanos()) {
                    windows.add(new Window(seconds(windowOpened - started), seconds(now - started), stats.closeWindow(), events));
                    windowOpened = now;
                }
            }
        } finally {
            scheduler.shutdown();
            if (!scheduler.awaitTermination(15, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        }
        FleetStats.Snapshot last = stats.closeWindow();
        if (windows.isEmpty() || last.sent() > 0) {
            windows.add(new Window(seconds(windowOpened - started), seconds(System.nanoTime() - started), last, List.of()));
        }
        return new Run(stats.snapshot(), windows);
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

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
