package io.atoll.cell.app.domain.checkin;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Something the member did on a device, reported in a check-in. */
public record ActivityEvent(String type, Instant occurredAt, Map<String, String> attributes) {
    public ActivityEvent {
        requireNonNull(type, "type is null");
        requireNonNull(occurredAt, "occurredAt is null");
        attributes = Map.copyOf(attributes);
    }
}
