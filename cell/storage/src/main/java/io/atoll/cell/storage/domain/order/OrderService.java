package io.atoll.cell.storage.domain.order;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.domain.Page;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.atoll.cell.storage.domain.catalogue.Catalogue;
import io.atoll.cell.storage.domain.catalogue.Item;
import io.atoll.cell.storage.domain.event.DomainEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/** Placing orders exactly once per idempotency key, reading them, and moving them on. */
public final class OrderService {
    private final OrderStore orders;
    private final Catalogue catalogue;
    private final WarehouseRegions warehouses;
    private final DomainEvents events;
    private final Clock clock;

    public OrderService(OrderStore orders, Catalogue catalogue, WarehouseRegions warehouses, DomainEvents events, Clock clock) {
        this.orders = requireNonNull(orders, "orders is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.warehouses = requireNonNull(warehouses, "warehouses is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Places the order, or finds the one this key placed before. A retry finds it even if an item has been
     * retired since: the order was accepted when it was placed.
     */
    public Placement place(String memberId, String idempotencyKey, PlacementRequest request) {
        String requestHash = request.contentHash();
        Optional<StoredPlacement> earlier = orders.findByKey(memberId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), requestHash);
        }
        List<Item> items = availableItems(request);
        Instant now = clock.instant();
        Order order = new Order(UUID.randomUUID(), memberId, OrderStatus.PLACED, now, now, request.destination(),
                warehouses.regionFor(request.destination().country()), lines(request, items), currency(items));
        if (orders.addIfAbsent(order, idempotencyKey, requestHash, event(CellEventTypes.ORDER_PLACED, order, now))) {
            return new Placement(order, true);
        }
        // A concurrent request with the same key committed first: its order is this request's answer too.
        return replay(orders.findByKey(memberId, idempotencyKey)
                .orElseThrow(() -> new IllegalStateException("order of key " + idempotencyKey + " vanished")), requestHash);
    }

    public Order find(String memberId, UUID orderId) {
        return orders.find(orderId).filter(order -> order.memberId().equals(memberId)).orElseThrow(() -> notFound(orderId));
    }

    public Page<Order> newest(String memberId, Optional<OrderCursor> before, int limit) {
        return Page.of(orders.newest(memberId, before, limit + 1), limit, order -> OrderCursor.after(order).encode());
    }

    /** Moves an open order to fulfilled or cancelled; an order that is no longer open stays as it is. */
    public Order moveTo(UUID orderId, OrderStatus next, String actor) {
        return orders.changeStatus(orderId, order -> {
            if (!order.status().canMoveTo(next)) {
                throw new RefusedException(Refusal.CONFLICT, "Order cannot move",
                        "Order " + orderId + " is " + order.status().code() + " and cannot become " + next.code() + ".");
            }
            Instant now = clock.instant();
            Order changed = order.movedTo(next, now);
            String type = next == OrderStatus.FULFILLED ? CellEventTypes.ORDER_FULFILLED : CellEventTypes.ORDER_CANCELLED;
            return new StatusChange(changed, order.status(), actor, event(type, changed, now));
        }).orElseThrow(() -> notFound(orderId));
    }

    private static Placement replay(StoredPlacement earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new RefusedException(Refusal.UNPROCESSABLE, "Idempotency key reused",
                    "This Idempotency-Key already placed order " + earlier.order().id() + " with a different request.");
        }
        return new Placement(earlier.order(), false);
    }

    /** The item of each requested line, in the request's order; every one must exist and still be sold. */
    private List<Item> availableItems(PlacementRequest request) {
        Map<String, Item> bySku = catalogue.findAll(request.lines().stream().map(RequestedLine::sku).distinct().toList());
        return request.lines().stream().map(line -> {
            Item item = bySku.get(line.sku());
            if (item == null || !item.active()) {
                throw new RefusedException(Refusal.UNPROCESSABLE, "Item not available",
                        "The item " + line.sku() + (item == null ? " does not exist." : " is no longer sold."));
            }
            return item;
        }).toList();
    }

    private static List<OrderLine> lines(PlacementRequest request, List<Item> items) {
        return IntStream.range(0, items.size()).mapToObj(index -> {
            Item item = items.get(index);
            return new OrderLine(item.sku(), item.name(), request.lines().get(index).quantity(), item.price(), item.weightGrams());
        }).toList();
    }

    private static String currency(List<Item> items) {
        List<String> currencies = items.stream().map(Item::currency).distinct().toList();
        if (currencies.size() != 1) {
            throw new RefusedException(Refusal.UNPROCESSABLE, "Mixed currencies", "The items of one order must be priced in one currency.");
        }
        return currencies.get(0);
    }

    private CellEvent event(String type, Order order, Instant now) {
        return events.event(type, now, order.memberId(), order.id().toString(), Map.of(
                "status", order.status().code(),
                "totalPrice", order.totalPrice().toPlainString(),
                "currency", order.currency(),
                "lineCount", order.lines().size(),
                "totalWeightGrams", order.totalWeightGrams(),
                "warehouseRegion", order.warehouseRegion()));
    }

    private static RefusedException notFound(UUID orderId) {
        return new RefusedException(Refusal.NOT_FOUND, "Order not found", "There is no order " + orderId + ".");
    }
}
