package io.atoll.cell.storage.domain.order;

import io.atoll.cell.contracts.events.CellEvent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Orders in the database. */
public interface OrderStore {
    Optional<StoredPlacement> findByKey(String memberId, String idempotencyKey);

    /**
     * Adds the order, its lines and its event, all or nothing; false when the member's key already names an order
     * (a concurrent request with the same key won).
     */
    boolean addIfAbsent(Order order, String idempotencyKey, String requestHash, CellEvent placed);

    Optional<Order> find(UUID orderId);

    /** The member's orders, newest first, placed before the cursor when one is given. */
    List<Order> newest(String memberId, Optional<OrderCursor> before, int limit);

    /**
     * Locks the order, lets {@code change} decide its next status, and saves that; empty when there is no such
     * order. Whatever {@code change} throws leaves the order as it was.
     */
    Optional<Order> changeStatus(UUID orderId, Function<Order, StatusChange> change);
}
