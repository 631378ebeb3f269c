package io.atoll.cell.storage.domain.order;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where an order goes.
 *
 * @param country ISO 3166-1 alpha-2, upper case; decides the warehouse
 */
public record Destination(Optional<String> name, String line1, Optional<String> line2, String city, String postalCode,
                          String country) {
    public Destination {
        requireNonNull(name, "name is null");
        requireNonNull(line1, "line1 is null");
        requireNonNull(line2, "line2 is null");
        requireNonNull(city, "city is null");
        requireNonNull(postalCode, "postalCode is null");
        requireNonNull(country, "country is null");
    }
}
