package io.atoll.cell.workers.cleanup;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One activity event of a check-in, as the app stores it (its {@code activity_event} type, whose fields
 * Cassandra allows to be null).
 */
public record ArchivedEvent(@Nullable String type, @Nullable Instant occurredAt, Map<String, String> attributes) {
    public ArchivedEvent {
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
    }
}
