package io.atoll.cell.app.domain.feed;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Pages through a member's feed in position order. A page only reaches up to the settle horizon (now
 * minus the settle delay): every write at a position before it has finished or been abandoned, so a cursor
 * never passes an item that appears later. That makes pages gap-free and duplicate-free.
 */
@Singleton
public final class FeedSync {
    private final FeedStore feed;
    private final FeedTiming timing;
    private final Clock clock;

    public FeedSync(FeedStore feed, FeedTiming timing, Clock clock) {
        this.feed = requireNonNull(feed, "feed is null");
        this.timing = requireNonNull(timing, "timing is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public FeedPage page(String memberId, Optional<FeedCursor> cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        Instant now = clock.instant();
        FeedPosition horizon = FeedPosition.endOf(now.minus(timing.settleDelay()));
        FeedPosition after = cursor.map(FeedCursor::after).orElseGet(() -> FeedPosition.endOf(now.minus(timing.retention())));
        if (after.compareTo(horizon) >= 0) {
            return new FeedPage(List.of(), new FeedCursor(after), false);
        }

        List<FeedItem> items = new ArrayList<>();
        // One more than asked for tells whether the page is the last one.
        int wanted = limit + 1;
        for (LocalDate day : feed.daysWithItems(memberId, after.day(), horizon.day())) {
            items.addAll(feed.items(memberId, day, after, horizon, wanted - items.size()));
            if (items.size() >= wanted) {
                break;
            }
        }
        if (items.size() > limit) {
            List<FeedItem> page = items.subList(0, limit);
            return new FeedPage(page, new FeedCursor(page.get(limit - 1).position()), true);
        }
        // Everything up to the horizon has been read: the next sync starts there, skipping empty days.
        return new FeedPage(items, new FeedCursor(horizon), false);
    }
}
