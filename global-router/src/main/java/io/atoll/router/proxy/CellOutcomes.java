package io.atoll.router.proxy;

import io.atoll.router.domain.Cell;
import io.atoll.router.domain.CellHealthBoard;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells metrics and passive outlier detection how each request to a cell went. */
@Singleton
final class CellOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(CellOutcomes.class);

    private final CellMetrics metrics;
    private final CellHealthBoard health;

    CellOutcomes(CellMetrics metrics, CellHealthBoard health) {
        this.metrics = metrics;
        this.health = health;
    }

    /** The cell answered with this status (its response may still be streaming). */
    void responded(Cell cell, int status) {
        if (status >= 500) {
            failed(cell, FailureKind.SERVER_ERROR);
        } else {
            health.of(cell.id()).requestSucceeded();
        }
    }

    void failed(Cell cell, FailureKind kind) {
        metrics.failed(cell.id(), kind);
        health.requestFailed(cell.id(), System.nanoTime()).ifPresent(ejection ->
                LOG.warn("Cell {} ejected for {} ms after consecutive failed requests (last: {})", cell.id(), ejection.toMillis(), kind.tag()));
    }

    /** The client got its whole answer, from the cell or from the router on the cell's behalf. */
    void answered(String cellId, int status, long durationNanos) {
        metrics.answered(cellId, status, durationNanos);
    }
}
