package io.atoll.cell.app.api.order;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.order.Order;
import io.atoll.cell.app.domain.order.OrderBook;
import io.atoll.cell.app.domain.order.OrderPage;
import io.atoll.cell.app.domain.order.PlacedOrder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A member's orders, kept by storage. */
@Controller("/v1/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_LIMIT = 100;

    private final OrderBook orders;

    OrderController(OrderBook orders) {
        this.orders = requireNonNull(orders, "orders is null");
    }

    /**
     * Places the order once per {@code Idempotency-Key}: 201 the first time, 200 with the same order when the same
     * request is sent again, 422 when the key comes back with another order.
     */
    @Post
    HttpResponse<Order> place(Caller caller, @Header(IDEMPOTENCY_KEY) @Pattern(regexp = "[\\x21-\\x7E]{1,128}") String idempotencyKey,
                              @Body @Valid OrderForm form) {
        PlacedOrder placed = orders.place(caller.member(), idempotencyKey, form.toRequest());
        if (placed.created()) {
            return HttpResponse.<Order>status(HttpStatus.CREATED).body(placed.order())
                    .headers(headers -> headers.location(URI.create("/v1/orders/" + placed.order().id())));
        }
        return HttpResponse.ok(placed.order());
    }

    /** The member's orders, newest first; {@code next} in the answer is the {@code before} of the next page. */
    @Get
    OrderPage list(Caller caller, @QueryValue(defaultValue = "20") @Min(1) @Max(MAX_LIMIT) int limit,
                   @Nullable @QueryValue @Size(max = 256) String before) {
        return orders.page(caller.member(), limit, Optional.ofNullable(before));
    }

    @Get("/{orderId}")
    Order read(Caller caller, @PathVariable String orderId) {
        return orders.find(caller.member(), orderId);
    }
}
