package io.atoll.cell.storage.domain.order;

import io.atoll.cell.storage.domain.Sha256;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What a member asks to order, and where to. */
public record PlacementRequest(List<RequestedLine> lines, Destination destination) {
    public PlacementRequest {
        lines = List.copyOf(lines);
        requireNonNull(destination, "destination is null");
    }

    /**
     * SHA-256 (hex) of the request's content: equal for two requests that ask for the same thing, however their
     * JSON was spelled (spacing, field order), different as soon as a line, a quantity or the destination differs.
     * Each value is written with its length first, so no two different requests run together into the same text.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder();
        for (RequestedLine line : lines) {
            append(canonical, line.sku());
            append(canonical, Integer.toString(line.quantity()));
        }
        canonical.append('|');
        append(canonical, destination.name());
        append(canonical, destination.line1());
        append(canonical, destination.line2());
        append(canonical, destination.city());
        append(canonical, destination.postalCode());
        append(canonical, destination.country());
        return Sha256.hexOf(canonical.toString());
    }

    private static void append(StringBuilder canonical, Optional<String> value) {
        if (value.isEmpty()) {
            canonical.append("-;");
        } else {
            append(canonical, value.get());
        }
    }

    private static void append(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
