package io.atoll.cell.storage.api.order;

import io.atoll.cell.storage.domain.order.RequestedLine;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One line of a placement: so many of an item. */
@Serdeable
public record OrderLineBody(@NotBlank @Size(max = 40) String sku, @Min(1) @Max(1000) int quantity) {
    RequestedLine toRequestedLine() {
        return new RequestedLine(sku, quantity);
    }
}
