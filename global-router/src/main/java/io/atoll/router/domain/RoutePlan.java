package io.atoll.router.domain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where a request goes: the first cell, and the cells to try next, in order, should it fail to connect.
 *
 * @param cells at least one cell; the first is the choice
 * @param reason why the first cell was chosen
 */
public record RoutePlan(List<Cell> cells, RouteReason reason) {
    public RoutePlan {
        cells = List.copyOf(cells);
        requireNonNull(reason, "reason is null");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a route plan needs a cell");
        }
    }

    public Cell first() {
        return cells.get(0);
    }
}
