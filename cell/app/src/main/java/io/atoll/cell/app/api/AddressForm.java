package io.atoll.cell.app.api;

import io.atoll.cell.app.domain.order.Destination;
import io.atoll.cell.app.domain.profile.PostalAddress;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * A postal address as a member sends it: an order's destination (which may name the recipient) or the
 * member's own address.
 *
 * @param country ISO 3166 alpha-2, upper case
 */
@Serdeable
public record AddressForm(@Nullable @Size(max = 200) String name,
                          @NotBlank @Size(max = 200) String line1,
                          @Nullable @Size(max = 200) String line2,
                          @NotBlank @Size(max = 100) String city,
                          @NotBlank @Size(max = 20) String postalCode,
                          @NotNull @Pattern(regexp = "[A-Z]{2}") String country) {
    public Destination toDestination() {
        return new Destination(Optional.ofNullable(name), line1, Optional.ofNullable(line2), city, postalCode, country);
    }

    public PostalAddress toPostalAddress() {
        if (name != null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad Request", "A postal address has no name; the profile's name is its own field.");
        }
        return new PostalAddress(line1, Optional.ofNullable(line2), city, postalCode, country);
    }
}
