package io.atoll.cell.app.domain.feed;

import io.atoll.cell.app.domain.AsyncResults;
import io.atoll.cell.app.domain.TimeUuids;
import io.atoll.cell.contracts.events.CellEventTypes;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Puts the cell's events about members' orders and uploads into their feeds, one item per event however often
 * it is delivered: the first delivery claims a receipt (a compare-and-set) that fixes the item's position, and
 * every delivery writes the same item there, the way check-ins publish theirs.
 */
@Singleton
public final class EventFeed {
    private final EventReceiptStore receipts;
    private final FeedPublisher publisher;
    private final FeedTiming timing;
    private final TimeUuids timeUuids;

    public EventFeed(EventReceiptStore receipts, FeedPublisher publisher, FeedTiming timing, TimeUuids timeUuids) {
        this.receipts = requireNonNull(receipts, "receipts is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.timing = requireNonNull(timing, "timing is null");
        this.timeUuids = requireNonNull(timeUuids, "timeUuids is null");
    }

    /** The feed item kind of an event type, if members are told of events of that type. */
    public static Optional<FeedItemKind> kindOf(String eventType) {
        if (eventType.startsWith("order.")) {
            return Optional.of(FeedItemKind.ORDER);
        }
        if (eventType.startsWith("upload.")) {
            return Optional.of(FeedItemKind.UPLOAD);
        }
        // A request being made is no news to the member; its results are.
        if (eventType.equals(CellEventTypes.JOB_COMPLETED)) {
            return Optional.of(FeedItemKind.JOB);
        }
        return Optional.empty();
    }

    /**
     * Publishes the event's item into the member's feed; returns once it is written. Events of other types are
     * left out of the feed.
     *
     * @return whether the event became (or already was) a feed item
     */
    public boolean publish(MemberEvent event) {
        Optional<FeedItemKind> kind = kindOf(event.type());
        if (kind.isEmpty()) {
            return false;
        }
        EventReceipt receipt = receipts.claim(event.id(), event.memberId(), timeUuids.next(), timing.retention());
        FeedEntry entry = new FeedEntry(kind.get(), Optional.empty(), event.subjectId(), event.type(), event.occurredAt(), event.facts());
        AsyncResults.join(publisher.publish(receipt.memberId(), receipt.feedPosition(), List.of(entry),
                (expected, replacement) -> receipts.reposition(event.id(), expected, replacement, timing.retention())));
        return true;
    }
}
