package io.atoll.cell.storage.domain.order;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/** Which region's warehouse ships to a country: Europe's from eu-west-1, North America's from us-east-1. */
public final class WarehouseRegions {
    static final String EUROPE = "eu-west-1";
    static final String NORTH_AMERICA = "us-east-1";
    private static final Set<String> EUROPEAN_UNION = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Map<String, String> BY_COUNTRY = Stream.concat(
                    Stream.concat(EUROPEAN_UNION.stream(), Stream.of("GB")).map(country -> Map.entry(country, EUROPE)),
                    Stream.of("US", "CA").map(country -> Map.entry(country, NORTH_AMERICA)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String cellRegion;

    /** @param cellRegion the region of this cell, whose warehouse ships wherever no other one does */
    public WarehouseRegions(String cellRegion) {
        this.cellRegion = requireNonNull(cellRegion, "cellRegion is null");
    }

    /** @param country ISO 3166-1 alpha-2, upper case */
    public String regionFor(String country) {
        return BY_COUNTRY.getOrDefault(country, cellRegion);
    }
}
