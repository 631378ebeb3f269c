package io.atoll.cell.app.domain.feed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The members' feeds, one partition per member and day. */
public interface FeedStore {
    /**
     * Writes what was published together at one position, all or nothing, once its day is noted as one
     * with items: items are never there without their day. Writing the same entries at the same position
     * again changes nothing.
     */
    CompletableFuture<Void> write(String memberId, UUID publication, List<FeedEntry> entries, Duration ttl);

    /** Whether anything was written at this position. */
    boolean hasPublication(String memberId, UUID publication);

    /** The days from {@code from} to {@code to} (inclusive) on which the member's feed has items, ascending. */
    List<LocalDate> daysWithItems(String memberId, LocalDate from, LocalDate to);

    /** Up to {@code limit} items of one day after {@code after} and up to {@code upTo} (inclusive), in feed order. */
    List<FeedItem> items(String memberId, LocalDate day, FeedPosition after, FeedPosition upTo, int limit);
}
