package io.atoll.cell.storage.domain.order;

import java.util.Locale;

/** Where an order is in its life: placed, then fulfilled or cancelled, and nothing after that. */
public enum OrderStatus {
    PLACED, FULFILLED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean canMoveTo(OrderStatus next) {
        return this == PLACED && next != PLACED;
    }
}
