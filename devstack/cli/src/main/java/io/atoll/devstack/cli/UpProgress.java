package io.atoll.devstack.cli;

import io.atoll.devstack.server.Progress;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * What `up` shows while it starts the platform: each line with the time since `up` began, and how many of the
 * components are ready; when nothing has happened for a while, which ones it is still waiting for.
 */
final class UpProgress implements Progress {
    /** Silence longer than this gets a line saying what `up` is waiting for. */
    static final long QUIET_NANOS = 10_000_000_000L;

    private final PrintWriter out;
    private final int components;
    private final LongSupplier nanoTime;
    private final long started;
    /** Each component that reported, and whether it is ready; in the order they first reported. */
    private final Map<String, Boolean> ready = new LinkedHashMap<>();
    private long lastLine;

    UpProgress(PrintWriter out, int components, LongSupplier nanoTime) {
        this.out = requireNonNull(out, "out is null");
        this.components = components;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.started = nanoTime.getAsLong();
        this.lastLine = started;
    }

    @Override
    public synchronized void report(String component, String message) {
        boolean nowReady = isReady(message);
        ready.merge(component, nowReady, Boolean::logicalOr);
        print("[" + component + "] " + message + (nowReady ? " (" + readyCount() + " of " + components + " ready)" : ""));
    }

    /** Called every second or so: after a quiet spell, says which components `up` is still waiting for. */
    synchronized void tick() {
        if (nanoTime.getAsLong() - lastLine < QUIET_NANOS) {
            return;
        }
        String waiting = String.join(", ", ready.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).toList());
        print(readyCount() + " of " + components + " ready" + (waiting.isEmpty() ? "" : "; waiting for " + waiting));
    }

    private void print(String line) {
        long now = nanoTime.getAsLong();
        lastLine = now;
        out.printf("[%5.1fs] %s%n", (now - started) / 1e9, line);
        out.flush();
    }

    private long readyCount() {
        return ready.values().stream().filter(Boolean::booleanValue).count();
    }

    /** The platform's words for a component it may go on with: started and ready, or found running. */
    private static boolean isReady(String message) {
        return message.startsWith("ready on") || message.startsWith("already running") || message.startsWith("using the server already running");
    }
}
