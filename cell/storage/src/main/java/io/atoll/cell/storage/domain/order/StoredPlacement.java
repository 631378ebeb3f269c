package io.atoll.cell.storage.domain.order;

import static java.util.Objects.requireNonNull;

/** An order together with the content hash of the request that placed it. */
public record StoredPlacement(Order order, String requestHash) {
    public StoredPlacement {
        requireNonNull(order, "order is null");
        requireNonNull(requestHash, "requestHash is null");
    }
}
