package io.atoll.cell.app.domain.feed;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a feed item says, before it has a position.
 *
 * @param sourceId the check-in or command the item comes from
 */
public record FeedEntry(FeedItemKind kind, UUID deviceId, UUID sourceId, String type, Instant occurredAt, Map<String, String> attributes) {
    public FeedEntry {
        requireNonNull(kind, "kind is null");
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(type, "type is null");
        requireNonNull(occurredAt, "occurredAt is null");
        attributes = Map.copyOf(attributes);
    }
}
