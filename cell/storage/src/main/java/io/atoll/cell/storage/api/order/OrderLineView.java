package io.atoll.cell.storage.api.order;

import io.atoll.cell.storage.domain.order.OrderLine;
import io.micronaut.serde.annotation.Serdeable;

/** One line of an order, priced and weighed as when it was placed. */
@Serdeable
public record OrderLineView(String sku, String name, int quantity, String unitPrice, int unitWeightGrams) {
    static OrderLineView of(OrderLine line) {
        return new OrderLineView(line.sku(), line.name(), line.quantity(), line.unitPrice().toPlainString(), line.unitWeightGrams());
    }
}
