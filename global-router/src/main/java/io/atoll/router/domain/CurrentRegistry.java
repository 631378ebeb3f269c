package io.atoll.router.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * The registry in force: the last good one. A rejected file replaces nothing; it is only remembered so
 * that operators can see why their change did not take.
 */
public final class CurrentRegistry {
    private final AtomicReference<State> state;

    public CurrentRegistry(CellRegistry initial, Instant loadedAt) {
        this.state = new AtomicReference<>(new State(initial, loadedAt, null));
    }

    public CellRegistry get() {
        return state.get().registry();
    }

    public Instant loadedAt() {
        return state.get().loadedAt();
    }

    public Optional<Rejection> lastRejection() {
        return Optional.ofNullable(state.get().rejection());
    }

    public void replace(CellRegistry registry, Instant loadedAt) {
        state.set(new State(requireNonNull(registry, "registry is null"), loadedAt, null));
    }

    /** Forgets the last rejection: the file is good again, and says what the registry in force says. */
    public void clearRejection() {
        state.updateAndGet(current -> new State(current.registry(), current.loadedAt(), null));
    }

    public void reject(String reason, Instant at) {
        state.updateAndGet(current -> new State(current.registry(), current.loadedAt(), new Rejection(reason, at)));
    }

    /** Why the newest registry file was not used, and when that was found. */
    public record Rejection(String reason, Instant at) {
    }

    private record State(CellRegistry registry, Instant loadedAt, Rejection rejection) {
    }
}
