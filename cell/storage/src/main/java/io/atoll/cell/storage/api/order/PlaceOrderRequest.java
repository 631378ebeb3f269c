package io.atoll.cell.storage.api.order;

import io.atoll.cell.storage.api.PostalAddressBody;
import io.atoll.cell.storage.domain.order.PlacementRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a member orders, and where to. */
@Serdeable
public record PlaceOrderRequest(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull OrderLineBody> lines,
                                @NotNull @Valid PostalAddressBody destination) {
    PlacementRequest toPlacementRequest() {
        return new PlacementRequest(lines.stream().map(OrderLineBody::toRequestedLine).toList(), destination.toDestination());
    }
}
