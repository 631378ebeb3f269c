package io.atoll.cell.app.storage;

import io.atoll.cell.app.domain.MemberRef;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.order.Order;
import io.atoll.cell.app.domain.order.OrderBook;
import io.atoll.cell.app.domain.order.OrderPage;
import io.atoll.cell.app.domain.order.OrderRequest;
import io.atoll.cell.app.domain.order.PlacedOrder;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Members' orders through storage's {@code /storage/v1/members/{member}/orders}. */
@Singleton
final class StorageOrderBook implements OrderBook {
    private final StorageClient storage;

    StorageOrderBook(StorageClient storage) {
        this.storage = requireNonNull(storage, "storage is null");
    }

    @Override
    public PlacedOrder place(MemberRef member, String idempotencyKey, OrderRequest request) {
        StorageClient.Answer<Order> placed = storage.send("POST", orders(member), member, request, Map.of("Idempotency-Key", idempotencyKey),
                Argument.of(Order.class));
        return new PlacedOrder(placed.body(), placed.status() == 201);
    }

    @Override
    public OrderPage page(MemberRef member, int limit, Optional<String> before) {
        String path = orders(member) + "?limit=" + limit + before.map(cursor -> "&before=" + StorageClient.query(cursor)).orElse("");
        return storage.get(path, Optional.of(member), Argument.of(OrderPage.class)).body();
    }

    @Override
    public Order find(MemberRef member, String orderId) {
        if (!StorageIds.plausible(orderId)) {
            throw notFound(orderId);
        }
        return storage.get(orders(member) + "/" + StorageClient.segment(orderId), Optional.of(member), Argument.of(Order.class)).body();
    }

    private static String orders(MemberRef member) {
        return "/storage/v1/members/" + StorageClient.segment(member.id()) + "/orders";
    }

    private static RefusedException notFound(String orderId) {
        return new RefusedException(Refusal.NOT_FOUND, "Order not found", "You have no order " + orderId + ".");
    }
}
