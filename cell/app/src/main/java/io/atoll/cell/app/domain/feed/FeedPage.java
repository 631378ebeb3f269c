package io.atoll.cell.app.domain.feed;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One page of a member's feed.
 *
 * @param next where the next sync continues
 * @param hasMore whether more items had settled than fitted in the page; the client syncs again at once
 */
public record FeedPage(List<FeedItem> items, FeedCursor next, boolean hasMore) {
    public FeedPage {
        items = List.copyOf(items);
        requireNonNull(next, "next is null");
    }
}
