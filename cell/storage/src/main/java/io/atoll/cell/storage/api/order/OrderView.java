package io.atoll.cell.storage.api.order;

import io.atoll.cell.storage.api.PostalAddressBody;
import io.atoll.cell.storage.domain.order.Order;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it, with its totals. */
@Serdeable
public record OrderView(UUID id, String memberId, String status, Instant placedAt, Instant updatedAt,
                        PostalAddressBody destination, String warehouseRegion, List<OrderLineView> lines, String totalPrice,
                        String currency, long totalWeightGrams) {
    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.memberId(), order.status().code(), order.placedAt(), order.updatedAt(),
                PostalAddressBody.of(order.destination()), order.warehouseRegion(),
                order.lines().stream().map(OrderLineView::of).toList(), order.totalPrice().toPlainString(), order.currency(),
                order.totalWeightGrams());
    }
}
