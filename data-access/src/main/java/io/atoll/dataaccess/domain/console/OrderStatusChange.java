package io.atoll.dataaccess.domain.console;

import java.util.Locale;

/** What logistics may make of an open order from the console; the database decides whether it may. */
public enum OrderStatusChange {
    FULFILLED,
    CANCELLED;

    /** The value of {@code logistics.orders.status} it sets. */
    public String status() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatusChange of(String status) {
        for (OrderStatusChange change : values()) {
            if (change.status().equals(status)) {
                return change;
            }
        }
        throw new InvalidInputException("An order becomes fulfilled or cancelled, not '" + status + "'.");
    }
}
