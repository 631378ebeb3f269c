package io.atoll.cell.app.domain.feed;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a feed item says, before it has a position.
 *
 * @param deviceId the device the item is about, for the kinds that come from a device
 * @param sourceId what the item comes from: the check-in or command, the order or upload
 */
public record FeedEntry(FeedItemKind kind, Optional<UUID> deviceId, String sourceId, String type, Instant occurredAt,
                        Map<String, String> attributes) {
    public FeedEntry {
        requireNonNull(kind, "kind is null");
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(type, "type is null");
        requireNonNull(occurredAt, "occurredAt is null");
        attributes = Map.copyOf(attributes);
    }

    /** An item a device's report (a check-in, a command outcome) put into the feed. */
    public static FeedEntry fromDevice(FeedItemKind kind, UUID deviceId, UUID sourceId, String type, Instant occurredAt,
                                       Map<String, String> attributes) {
        return new FeedEntry(kind, Optional.of(deviceId), sourceId.toString(), type, occurredAt, attributes);
    }
}
