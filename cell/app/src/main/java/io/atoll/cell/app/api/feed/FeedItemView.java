package io.atoll.cell.app.api.feed;

import io.atoll.cell.app.domain.feed.FeedEntry;
import io.atoll.cell.app.domain.feed.FeedItem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One item of a member's feed.
 *
 * @param id stable and unique within the member's feed
 * @param kind {@code activity} (an event a device reported), {@code command_result}, {@code order} (an order placed
 *     or changing status), {@code upload} (an upload stored) or {@code job} (background work for the member
 *     finished, e.g. a photo's thumbnails and inspection; {@code sourceId} is then the upload)
 * @param deviceId the device the item comes from, for {@code activity} and {@code command_result}
 * @param sourceId the check-in, command, order or upload the item comes from
 * @param recordedAt when the item entered the feed
 */
@Serdeable
public record FeedItemView(String id, String kind, @Nullable UUID deviceId, String sourceId, String type, Instant occurredAt, Instant recordedAt,
                           Map<String, String> attributes) {
    static FeedItemView of(FeedItem item) {
        FeedEntry entry = item.entry();
        return new FeedItemView(item.position().publication() + ":" + item.position().index(), entry.kind().name().toLowerCase(Locale.ROOT),
                entry.deviceId().orElse(null), entry.sourceId(), entry.type(), entry.occurredAt(), item.position().instant(), entry.attributes());
    }
}
