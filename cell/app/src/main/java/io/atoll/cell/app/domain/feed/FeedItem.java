package io.atoll.cell.app.domain.feed;

import static java.util.Objects.requireNonNull;

public record FeedItem(FeedPosition position, FeedEntry entry) {
    public FeedItem {
        requireNonNull(position, "position is null");
        requireNonNull(entry, "entry is null");
    }
}
