package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.atoll.devstack.platform.PlatformException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The router's own view of the cells, polled while a simulation runs, so that its summary can be cut where the
 * router saw a cell fail, drain or come back, not only where the devices noticed.
 */
final class RouterWatch implements Supplier<List<String>>, AutoCloseable {
    private static final long EVERY_MILLIS = 2000;

    private final RouterAdmin admin;
    private final Queue<String> events = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "router-watch");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, String> cells;
    private boolean answering = true;

    private RouterWatch(RouterAdmin admin, Map<String, String> cells) {
        this.admin = admin;
        this.cells = cells;
    }

    /** Watches the router when its admin API answers now; otherwise says why not. */
    static Optional<RouterWatch> start(Supplier<RouterAdmin> admin, List<String> notes) {
        try {
            RouterAdmin client = admin.get();
            RouterWatch watch = new RouterWatch(client, cells(client.cells()));
            watch.poller.scheduleWithFixedDelay(watch::poll, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
            return Optional.of(watch);
        } catch (PlatformException e) {
            notes.add("not watching the router's cells: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void poll() {
        try {
            Map<String, String> now = cells(admin.cells());
            if (!answering) {
                events.add("the router's admin API answers again");
                answering = true;
            }
            events.addAll(changes(cells, now));
            cells = now;
        } catch (PlatformException e) {
            if (answering) {
                events.add("the router's admin API stopped answering");
                answering = false;
            }
        }
    }

    /** Each cell's condition as the router tells it: routable or not, readiness, and who drained it. */
    static Map<String, String> cells(JsonNode answer) {
        Map<String, String> cells = new TreeMap<>();
        for (JsonNode cell : answer.path("cells")) {
            List<String> drainedBy = StreamSupport.stream(cell.path("drainedBy").spliterator(), false).map(JsonNode::asText).toList();
            cells.put(cell.path("id").asText(), (cell.path("routable").asBoolean() ? "routable" : "not routable")
                    + ", " + cell.path("readiness").asText().toLowerCase().replace('_', '-')
                    + (drainedBy.isEmpty() ? "" : ", drained by " + String.join(" and ", drainedBy)));
        }
        return cells;
    }

    /** What changed between two views, one event per cell that changed, appeared or left. */
    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((cell, condition) -> {
            String was = before.get(cell);
            if (was == null) {
                changes.add("router: cell " + cell + " appeared (" + condition + ")");
            } else if (!Objects.equals(was, condition)) {
                changes.add("router: cell " + cell + " is " + condition + " (was " + was + ")");
            }
        });
        before.keySet().stream().filter(cell -> !after.containsKey(cell)).forEach(cell -> changes.add("router: cell " + cell + " left the registry"));
        return changes;
    }

    @Override
    public List<String> get() {
        List<String> drained = new ArrayList<>();
        for (String event = events.poll(); event != null; event = events.poll()) {
            drained.add(event);
        }
        return drained;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
