package io.atoll.router.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import static java.util.Objects.requireNonNull;

/**
 * Chooses the cell for a request. A member goes to their home cell while it is healthy and not drained;
 * otherwise, and for anyone without a home, to the available cell with the lowest expected latency for the
 * client: by the client's round-trip hints, else by its region and the region table, else by the router's
 * own probes. With no available cell at all the request still goes somewhere (an undrained cell, else any)
 * rather than being refused: a cell the probes wrongly think down may still answer.
 */
public final class CellSelector {
    private final CurrentRegistry registry;
    private final CellHealthBoard health;
    private final OperatorDrains drains;
    private final RegionLatencies latencies;

    public CellSelector(CurrentRegistry registry, CellHealthBoard health, OperatorDrains drains, RegionLatencies latencies) {
        this.registry = requireNonNull(registry, "registry is null");
        this.health = requireNonNull(health, "health is null");
        this.drains = requireNonNull(drains, "drains is null");
        this.latencies = requireNonNull(latencies, "latencies is null");
    }

    /**
     * The plan for a request.
     *
     * @param homeCellId the member's home cell, when the request names a member
     * @param client where the client says it is
     */
    public RoutePlan plan(Optional<String> homeCellId, ClientLocation client, long nowNanos) {
        CellRegistry cells = registry.get();
        Cell home = homeCellId.flatMap(cells::cell).orElse(null);
        List<Cell> candidates = new ArrayList<>(cells.cells().size());
        for (Cell cell : cells.cells()) {
            if (!isDrained(cell) && health.of(cell.id()).isRoutable(nowNanos)) {
                candidates.add(cell);
            }
        }
        if (candidates.isEmpty()) {
            cells.cells().stream().filter(cell -> !isDrained(cell)).forEach(candidates::add);
        }
        if (candidates.isEmpty()) {
            candidates.addAll(cells.cells());
        }
        return plan(candidates, home, client);
    }

    /**
     * The plan for a request about an account's credentials (sign-up of a placed account, login, revoke):
     * they live only in the account's home cell, so such a request goes there whatever its health, and
     * nowhere else. Another cell would answer a login "unknown account", or create the account a second time.
     * A home that cannot be reached is answered 503 with Retry-After, which is what the client can act on.
     * An account without a home, or whose home left the registry, is planned like any new client.
     */
    public RoutePlan planForAccount(Optional<String> homeCellId, ClientLocation client, long nowNanos) {
        Optional<Cell> home = homeCellId.flatMap(registry.get()::cell);
        return home.map(cell -> new RoutePlan(List.of(cell), RouteReason.HOME))
                .orElseGet(() -> plan(Optional.empty(), client, nowNanos));
    }

    /** Whether the cell takes no traffic: drained by an operator or draining in the registry. */
    public boolean isDrained(Cell cell) {
        return cell.state() == CellState.DRAINING || drains.isDrained(cell.id());
    }

    private RoutePlan plan(List<Cell> candidates, Cell home, ClientLocation client) {
        if (home != null && candidates.remove(home)) {
            List<Cell> cells = new ArrayList<>(candidates.size() + 1);
            cells.add(home);
            cells.addAll(rank(candidates, client, home.region()).cells());
            return new RoutePlan(cells, RouteReason.HOME);
        }
        Ranking ranking = rank(candidates, client, home == null ? null : home.region());
        if (home == null) {
            return new RoutePlan(ranking.cells(), ranking.reason());
        }
        return new RoutePlan(ranking.cells(), isDrained(home) ? RouteReason.DRAINED : RouteReason.FAILOVER);
    }

    /**
     * Orders cells nearest first by the best signal that speaks of any of them. Without a signal from the
     * client, a member's home region stands in for where the client is.
     */
    private Ranking rank(List<Cell> cells, ClientLocation client, String homeRegion) {
        if (client.hasRttHints() && speaksOfAny(cells, cell -> client.rttMillis(cell.region()))) {
            return sorted(cells, cell -> client.rttMillis(cell.region()), RouteReason.NEAREST_RTT_HINT);
        }
        Optional<String> region = client.region().or(() -> Optional.ofNullable(homeRegion));
        if (region.isPresent() && speaksOfAny(cells, cell -> latencies.millis(region.get(), cell.region()))) {
            return sorted(cells, cell -> latencies.millis(region.get(), cell.region()), RouteReason.NEAREST_CLIENT_REGION);
        }
        return sorted(cells, cell -> OptionalInt.empty(), RouteReason.NEAREST_PROBE);
    }

    private static boolean speaksOfAny(List<Cell> cells, Function<Cell, OptionalInt> signal) {
        for (Cell cell : cells) {
            if (signal.apply(cell).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private Ranking sorted(List<Cell> cells, Function<Cell, OptionalInt> signal, RouteReason reason) {
        if (cells.size() < 2) {
            return new Ranking(List.copyOf(cells), reason);
        }
        ToIntFunction<Cell> millis = cell -> signal.apply(cell).orElse(Integer.MAX_VALUE);
        Comparator<Cell> nearestFirst = Comparator.comparingInt(millis)
                .thenComparingDouble(cell -> health.of(cell.id()).rttMillis().orElse(Double.MAX_VALUE))
                .thenComparing(Cell::id);
        List<Cell> ordered = new ArrayList<>(cells);
        ordered.sort(nearestFirst);
        return new Ranking(ordered, reason);
    }

    private record Ranking(List<Cell> cells, RouteReason reason) {
    }
}
