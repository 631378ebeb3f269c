package io.atoll.cell.storage.domain.member;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A postal address.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 */
public record PostalAddress(String line1, Optional<String> line2, String city, String postalCode, String country) {
    public PostalAddress {
        requireNonNull(line1, "line1 is null");
        requireNonNull(line2, "line2 is null");
        requireNonNull(city, "city is null");
        requireNonNull(postalCode, "postalCode is null");
        requireNonNull(country, "country is null");
    }
}
