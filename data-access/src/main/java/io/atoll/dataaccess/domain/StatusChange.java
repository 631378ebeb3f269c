package io.atoll.dataaccess.domain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A team's change of an order's status, recorded as storage records its own: the order moves from {@code from}
 * to one of {@code to}, with a fulfilment transaction naming the person and an {@code order.<status>} outbox event.
 */
public record StatusChange(String from, List<String> to) {
    public StatusChange {
        requireNonNull(from, "from is null");
        to = List.copyOf(to);
    }
}
