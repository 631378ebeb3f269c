package io.atoll.router.domain;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * One cell as the registry describes it.
 *
 * @param id the cell's id, the value of the {@code home_cell} claim of its members' tokens
 * @param region the region the cell runs in, which latency hints and the region table speak of
 * @param ingressUrl where the cell's ingress (its authenticating proxy) answers
 * @param state whether the control plane wants the cell to take traffic
 */
public record Cell(String id, String region, URI ingressUrl, CellState state) {
    public Cell {
        requireNonNull(id, "id is null");
        requireNonNull(region, "region is null");
        requireNonNull(ingressUrl, "ingressUrl is null");
        requireNonNull(state, "state is null");
    }

    public String host() {
        return ingressUrl.getHost();
    }

    public int port() {
        return ingressUrl.getPort() != -1 ? ingressUrl.getPort() : 80;
    }
}
