package io.atoll.cell.storage.api.order;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.order.OrderService;
import io.atoll.cell.storage.domain.order.OrderStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Fulfilling or cancelling an open order: for operators' and logistics' tools. */
@Controller("/storage/v1/orders/{orderId}/transitions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Scopes.WRITE)
class OrderTransitionController {
    private final OrderService orders;

    OrderTransitionController(OrderService orders) {
        this.orders = requireNonNull(orders, "orders is null");
    }

    @Post
    OrderView transition(@PathVariable UUID orderId, @Body @Valid TransitionRequest request) {
        return OrderView.of(orders.moveTo(orderId, OrderStatus.ofCode(request.status()), request.actor()));
    }
}
