package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.order.Destination;
import io.atoll.cell.storage.domain.order.Order;
import io.atoll.cell.storage.domain.order.OrderCursor;
import io.atoll.cell.storage.domain.order.OrderLine;
import io.atoll.cell.storage.domain.order.OrderStatus;
import io.atoll.cell.storage.domain.order.WarehouseRegions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {
    private static final Destination HOME = new Destination(Optional.empty(), "1 Main St", Optional.empty(), "Cork", "T12", "IE");

    @Test
    void totalsAddUpEveryLineTimesItsQuantity() {
        Order order = order(List.of(new OrderLine("TENT-2P-ULTRA", "Tent", 1, new BigDecimal("389.00"), 1350),
                new OrderLine("GAS-230G", "Gas", 3, new BigDecimal("6.50"), 370),
                new OrderLine("BAR-OAT-12", "Bars", 1000, new BigDecimal("18.00"), 720)));

        assertThat(order.totalPrice()).isEqualTo(new BigDecimal("18408.50"));
        assertThat(order.totalPrice().toPlainString()).isEqualTo("18408.50");
        assertThat(order.totalWeightGrams()).isEqualTo(1350 + 3 * 370 + 1000L * 720);
    }

    @Test
    void onlyAPlacedOrderMovesAndOnlyToFulfilledOrCancelled() {
        assertThat(OrderStatus.PLACED.canMoveTo(OrderStatus.FULFILLED)).isTrue();
        assertThat(OrderStatus.PLACED.canMoveTo(OrderStatus.CANCELLED)).isTrue();
        assertThat(OrderStatus.PLACED.canMoveTo(OrderStatus.PLACED)).isFalse();
        assertThat(OrderStatus.FULFILLED.canMoveTo(OrderStatus.CANCELLED)).isFalse();
        assertThat(OrderStatus.CANCELLED.canMoveTo(OrderStatus.FULFILLED)).isFalse();
    }

    @Test
    void europeAndTheUkShipFromIrelandNorthAmericaFromVirginiaTheRestFromTheCellsRegion() {
        WarehouseRegions regions = new WarehouseRegions("ap-southeast-2");

        assertThat(regions.regionFor("DE")).isEqualTo("eu-west-1");
        assertThat(regions.regionFor("GB")).isEqualTo("eu-west-1");
        assertThat(regions.regionFor("IE")).isEqualTo("eu-west-1");
        assertThat(regions.regionFor("US")).isEqualTo("us-east-1");
        assertThat(regions.regionFor("CA")).isEqualTo("us-east-1");
        assertThat(regions.regionFor("AU")).isEqualTo("ap-southeast-2");
        assertThat(regions.regionFor("CH")).isEqualTo("ap-southeast-2");
    }

    @Test
    void aCursorRoundTripsAndAForgedOneIsABadRequest() {
        Order order = order(List.of());
        OrderCursor cursor = OrderCursor.after(order);

        assertThat(OrderCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("/", "+", "=");
        assertThatThrownBy(() -> OrderCursor.decode("bm90IGEgY3Vyc29y"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.BAD_REQUEST));
        assertThatThrownBy(() -> OrderCursor.decode("!!")).isInstanceOf(RefusedException.class);
    }

    private static Order order(List<OrderLine> lines) {
        Instant now = Instant.parse("2026-12-01T10:15:30.123456Z");
        return new Order(UUID.randomUUID(), "member", OrderStatus.PLACED, now, now, HOME, "eu-west-1", lines, "EUR");
    }
}
