package io.atoll.cell.storage.api;

import io.atoll.cell.storage.domain.member.PostalAddress;
import io.atoll.cell.storage.domain.order.Destination;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * A postal address as the API carries it: a member's address, or an order's destination (which may name its
 * recipient).
 *
 * @param country ISO 3166-1 alpha-2, upper case
 */
@Serdeable
public record PostalAddressBody(@Nullable @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
                                @Nullable @Size(max = 200) String line2, @NotBlank @Size(max = 100) String city,
                                @NotBlank @Size(max = 20) String postalCode,
                                @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case") String country) {

    public static PostalAddressBody of(PostalAddress address) {
        return new PostalAddressBody(null, address.line1(), address.line2().orElse(null), address.city(), address.postalCode(),
                address.country());
    }

    public static PostalAddressBody of(Destination destination) {
        return new PostalAddressBody(destination.name().orElse(null), destination.line1(), destination.line2().orElse(null),
                destination.city(), destination.postalCode(), destination.country());
    }

    public PostalAddress toPostalAddress() {
        return new PostalAddress(line1, Optional.ofNullable(line2), city, postalCode, country);
    }

    public Destination toDestination() {
        return new Destination(Optional.ofNullable(name), line1, Optional.ofNullable(line2), city, postalCode, country);
    }
}
