package io.atoll.cell.storage.api.order;

import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.storage.api.MemberIds;
import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.Page;
import io.atoll.cell.storage.domain.member.MemberService;
import io.atoll.cell.storage.domain.order.Order;
import io.atoll.cell.storage.domain.order.OrderCursor;
import io.atoll.cell.storage.domain.order.OrderService;
import io.atoll.cell.storage.domain.order.Placement;
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
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** A member's orders. */
@Controller("/storage/v1/members/{memberId}/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController {
    private final MemberService members;
    private final OrderService orders;

    OrderController(MemberService members, OrderService orders) {
        this.members = requireNonNull(members, "members is null");
        this.orders = requireNonNull(orders, "orders is null");
    }

    /** 201 for the request that placed the order, 200 with the same order for every retry of it. */
    @Post
    @Secured(Scopes.WRITE)
    HttpResponse<OrderView> place(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                                  @Header(IdentityHeaders.HOME_CELL) @Nullable @Pattern(regexp = MemberIds.CELL_PATTERN) String homeCell,
                                  @Header(IdempotencyKeys.HEADER) @Nullable String idempotencyKey,
                                  @Body @Valid PlaceOrderRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        members.ensure(memberId, Optional.ofNullable(homeCell));
        Placement placement = orders.place(memberId, key, request.toPlacementRequest());
        OrderView view = OrderView.of(placement.order());
        return placement.created()
                ? HttpResponse.<OrderView>status(HttpStatus.CREATED).body(view)
                        .header("Location", "/storage/v1/members/" + memberId + "/orders/" + view.id())
                : HttpResponse.ok(view);
    }

    @Get
    @Secured(Scopes.READ)
    OrderList list(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                   @Header(IdentityHeaders.HOME_CELL) @Nullable @Pattern(regexp = MemberIds.CELL_PATTERN) String homeCell,
                   @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
                   @QueryValue @Nullable @Size(max = 200) String before) {
        members.ensure(memberId, Optional.ofNullable(homeCell));
        Page<Order> page = orders.newest(memberId, Optional.ofNullable(before).map(OrderCursor::decode), limit);
        return new OrderList(page.entries().stream().map(OrderView::of).toList(), page.next().orElse(null));
    }

    @Get("/{orderId}")
    @Secured(Scopes.READ)
    OrderView read(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                   @Header(IdentityHeaders.HOME_CELL) @Nullable @Pattern(regexp = MemberIds.CELL_PATTERN) String homeCell,
                   @PathVariable UUID orderId) {
        members.ensure(memberId, Optional.ofNullable(homeCell));
        return OrderView.of(orders.find(memberId, orderId));
    }
}
