package io.atoll.cell.app.domain.order;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A member's order as storage keeps it.
 *
 * @param status {@code placed}, {@code fulfilled} or {@code cancelled}
 * @param warehouseRegion the region whose warehouse ships it
 * @param totalPrice the decimal sum of the lines, as a string
 */
public record Order(String id, String memberId, String status, Instant placedAt, Instant updatedAt, Destination destination,
                    String warehouseRegion, List<OrderLine> lines, String totalPrice, String currency, long totalWeightGrams) {
    public Order {
        requireNonNull(id, "id is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(status, "status is null");
        requireNonNull(placedAt, "placedAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(warehouseRegion, "warehouseRegion is null");
        lines = List.copyOf(lines);
        requireNonNull(totalPrice, "totalPrice is null");
        requireNonNull(currency, "currency is null");
    }
}
