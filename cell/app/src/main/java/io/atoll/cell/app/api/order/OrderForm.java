package io.atoll.cell.app.api.order;

import io.atoll.cell.app.api.AddressForm;
import io.atoll.cell.app.domain.order.OrderRequest;
import io.atoll.cell.app.domain.order.RequestedLine;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An order as a member places it: what, how many, and where to. */
@Serdeable
public record OrderForm(@NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines, @NotNull @Valid AddressForm destination) {
    @Serdeable
    public record Line(@NotBlank @Size(max = 128) String sku, @Min(1) @Max(1000) int quantity) {
    }

    OrderRequest toRequest() {
        return new OrderRequest(lines.stream().map(line -> new RequestedLine(line.sku(), line.quantity())).toList(), destination.toDestination());
    }
}
