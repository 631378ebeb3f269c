package io.atoll.cell.storage.store;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.storage.domain.order.Destination;
import io.atoll.cell.storage.domain.order.Order;
import io.atoll.cell.storage.domain.order.OrderCursor;
import io.atoll.cell.storage.domain.order.OrderLine;
import io.atoll.cell.storage.domain.order.OrderStatus;
import io.atoll.cell.storage.domain.order.OrderStore;
import io.atoll.cell.storage.domain.order.StatusChange;
import io.atoll.cell.storage.domain.order.StoredPlacement;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

@Singleton
class JdbcOrderStore implements OrderStore {
    private final Sql sql;
    private final OutboxWriter outbox;

    JdbcOrderStore(Sql sql, OutboxWriter outbox) {
        this.sql = requireNonNull(sql, "sql is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
    }

    @Override
    @ReadOnly
    public Optional<StoredPlacement> findByKey(String memberId, String idempotencyKey) {
        return sql.one("SELECT * FROM orders WHERE member_id = ? AND idempotency_key = ?",
                        row -> new StoredPlacement(header(row), row.getString("request_hash")), memberId, idempotencyKey)
                .map(stored -> new StoredPlacement(withLines(stored.order()), stored.requestHash()));
    }

    @Override
    @Transactional
    public boolean addIfAbsent(Order order, String idempotencyKey, String requestHash, CellEvent placed) {
        Destination destination = order.destination();
        // A concurrent insert of the same key makes this one wait for it to commit, then do nothing.
        int added = sql.update("""
                INSERT INTO orders (id, member_id, idempotency_key, request_hash, status, destination_name, destination_line1,
                                    destination_line2, destination_city, destination_postal_code, destination_country,
                                    warehouse_region, currency, placed_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (member_id, idempotency_key) DO NOTHING""",
                order.id(), order.memberId(), idempotencyKey, requestHash, order.status().code(), destination.name(),
                destination.line1(), destination.line2(), destination.city(), destination.postalCode(), destination.country(),
                order.warehouseRegion(), order.currency(), order.placedAt(), order.updatedAt());
        if (added == 0) {
            return false;
        }
        for (int index = 0; index < order.lines().size(); index++) {
            OrderLine line = order.lines().get(index);
            sql.update("""
                    INSERT INTO order_items (order_id, line_number, sku, name, quantity, unit_price, unit_weight_grams)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    order.id(), index + 1, line.sku(), line.name(), line.quantity(), line.unitPrice(), line.unitWeightGrams());
        }
        outbox.append(placed);
        return true;
    }

    @Override
    @ReadOnly
    public Optional<Order> find(UUID orderId) {
        return sql.one("SELECT * FROM orders WHERE id = ?", JdbcOrderStore::header, orderId).map(this::withLines);
    }

    @Override
    @ReadOnly
    public List<Order> newest(String memberId, Optional<OrderCursor> before, int limit) {
        List<Order> headers = before.isEmpty()
                ? sql.list("SELECT * FROM orders WHERE member_id = ? ORDER BY placed_at DESC, id DESC LIMIT ?",
                        JdbcOrderStore::header, memberId, limit)
                : sql.list("SELECT * FROM orders WHERE member_id = ? AND (placed_at, id) < (?, ?) ORDER BY placed_at DESC, id DESC LIMIT ?",
                        JdbcOrderStore::header, memberId, before.get().placedAt(), before.get().orderId(), limit);
        Map<UUID, List<OrderLine>> lines = lines(headers.stream().map(Order::id).toList());
        return headers.stream().map(order -> withLines(order, lines.getOrDefault(order.id(), List.of()))).toList();
    }

    @Override
    @Transactional
    public Optional<Order> changeStatus(UUID orderId, Function<Order, StatusChange> change) {
        Optional<Order> locked = sql.one("SELECT * FROM orders WHERE id = ? FOR UPDATE", JdbcOrderStore::header, orderId)
                .map(this::withLines);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        StatusChange decided = change.apply(locked.get());
        Order changed = decided.changed();
        sql.update("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?", changed.status().code(), changed.updatedAt(), orderId);
        sql.update("""
                INSERT INTO fulfilment_transactions (id, order_id, from_status, to_status, actor, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), orderId, decided.from().code(), changed.status().code(), decided.actor(), changed.updatedAt());
        outbox.append(decided.event());
        return Optional.of(changed);
    }

    private Order withLines(Order header) {
        return withLines(header, lines(List.of(header.id())).getOrDefault(header.id(), List.of()));
    }

    private static Order withLines(Order header, List<OrderLine> lines) {
        return new Order(header.id(), header.memberId(), header.status(), header.placedAt(), header.updatedAt(),
                header.destination(), header.warehouseRegion(), lines, header.currency());
    }

    private Map<UUID, List<OrderLine>> lines(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID orderId, OrderLine line) {
        }
        return sql.list("SELECT * FROM order_items WHERE order_id = ANY (?::uuid[]) ORDER BY order_id, line_number",
                        row -> new Row(row.getObject("order_id", UUID.class), new OrderLine(row.getString("sku"), row.getString("name"),
                                row.getInt("quantity"), row.getBigDecimal("unit_price"), row.getInt("unit_weight_grams"))),
                        (Object) orderIds.stream().map(UUID::toString).toArray(String[]::new))
                .stream()
                .collect(Collectors.groupingBy(Row::orderId, Collectors.mapping(Row::line, Collectors.toList())));
    }

    /** The order's own row; its lines are read separately. */
    private static Order header(ResultSet row) throws SQLException {
        Destination destination = new Destination(Sql.optional(row, "destination_name"), row.getString("destination_line1"),
                Sql.optional(row, "destination_line2"), row.getString("destination_city"), row.getString("destination_postal_code"),
                row.getString("destination_country"));
        return new Order(row.getObject("id", UUID.class), row.getString("member_id"), OrderStatus.ofCode(row.getString("status")),
                Sql.instant(row, "placed_at"), Sql.instant(row, "updated_at"), destination, row.getString("warehouse_region"),
                List.of(), row.getString("currency"));
    }
}
