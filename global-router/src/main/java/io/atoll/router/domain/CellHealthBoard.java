package io.atoll.router.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static java.util.Objects.requireNonNull;

/** The health of every cell, by id. Survives registry reloads: a cell keeps its health while it stays listed. */
public final class CellHealthBoard {
    private final HealthPolicy policy;
    private final ConcurrentMap<String, CellHealth> cells = new ConcurrentHashMap<>();

    public CellHealthBoard(HealthPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    public CellHealth of(String cellId) {
        CellHealth health = cells.get(cellId);
        return health != null ? health : cells.computeIfAbsent(cellId, id -> new CellHealth(policy));
    }

    /** Forgets the cells that are no longer listed. */
    public void retainOnly(Collection<String> cellIds) {
        cells.keySet().retainAll(cellIds);
    }

    /**
     * Counts a failed request to a cell; ejects the cell when that made too many in a row, unless no other
     * cell could take its traffic. Returns how long the cell is ejected for, when this ejected it.
     */
    public Optional<Duration> requestFailed(String cellId, long nowNanos) {
        CellHealth health = of(cellId);
        if (!health.requestFailed()) {
            return Optional.empty();
        }
        synchronized (this) {
            if (health.isEjected(nowNanos) || !anotherRoutable(cellId, nowNanos)) {
                return Optional.empty();
            }
            return Optional.of(health.eject(nowNanos));
        }
    }

    private boolean anotherRoutable(String cellId, long nowNanos) {
        return cells.entrySet().stream().anyMatch(cell -> !cell.getKey().equals(cellId) && cell.getValue().isRoutable(nowNanos));
    }
}
