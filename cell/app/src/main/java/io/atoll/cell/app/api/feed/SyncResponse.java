package io.atoll.cell.app.api.feed;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A page of the member's feed.
 *
 * @param cursor pass it as {@code cursor} in the next sync to continue after this page
 * @param hasMore true when more items are ready than fitted: sync again at once
 */
@Serdeable
public record SyncResponse(List<FeedItemView> items, String cursor, boolean hasMore) {
}
