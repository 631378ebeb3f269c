package io.atoll.cell.storage.domain.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An order of a member.
 *
 * @param warehouseRegion the region whose warehouse ships it
 * @param currency the currency of every price of the order
 */
public record Order(UUID id, String memberId, OrderStatus status, Instant placedAt, Instant updatedAt,
                    Destination destination, String warehouseRegion, List<OrderLine> lines, String currency) {
    public Order {
        requireNonNull(id, "id is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(status, "status is null");
        requireNonNull(placedAt, "placedAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(warehouseRegion, "warehouseRegion is null");
        lines = List.copyOf(lines);
        requireNonNull(currency, "currency is null");
    }

    public BigDecimal totalPrice() {
        return lines.stream().map(OrderLine::linePrice).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    public long totalWeightGrams() {
        return lines.stream().mapToLong(OrderLine::lineWeightGrams).sum();
    }

    public Order movedTo(OrderStatus next, Instant now) {
        return new Order(id, memberId, next, placedAt, now, destination, warehouseRegion, lines, currency);
    }
}
