package io.atoll.cell.storage.domain.order;

import io.atoll.cell.contracts.events.CellEvent;

import static java.util.Objects.requireNonNull;

/**
 * An order moved to another status: saved with a fulfilment transaction and its event, together.
 *
 * @param changed the order in its new status
 * @param from the status it left
 * @param actor who moved it
 */
public record StatusChange(Order changed, OrderStatus from, String actor, CellEvent event) {
    public StatusChange {
        requireNonNull(changed, "changed is null");
        requireNonNull(from, "from is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(event, "event is null");
    }
}
