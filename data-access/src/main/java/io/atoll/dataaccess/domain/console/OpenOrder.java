package io.atoll.dataaccess.domain.console;

import java.time.Instant;
import java.util.UUID;

/** An order still to ship, as {@code logistics.order_details} shows it to the person. */
public record OpenOrder(UUID id, String warehouseRegion, Instant placedAt, String destinationName, String destinationCity,
                        String destinationCountry, long itemCount, long totalWeightGrams) {
}
