package io.atoll.cell.app.domain.order;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a member asks to order; storage prices it and refuses skus it does not sell. */
public record OrderRequest(List<RequestedLine> lines, Destination destination) {
    public OrderRequest {
        lines = List.copyOf(lines);
        requireNonNull(destination, "destination is null");
    }
}
