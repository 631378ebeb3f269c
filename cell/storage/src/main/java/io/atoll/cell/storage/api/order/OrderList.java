package io.atoll.cell.storage.api.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of a member's orders, newest first; {@code next} is the {@code before} of the following page. */
@Serdeable
public record OrderList(List<OrderView> orders, @Nullable String next) {
}
