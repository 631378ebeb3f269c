package io.atoll.cell.app.domain.feed;

import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.TimeUuids;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * Writes feed items exactly once, at a position no reader has passed.
 *
 * <p>A publication's position is taken when its source is first recorded. Writers (the first attempt and
 * any concurrent retry) write the same entries at that position, which stores them once, but only within
 * the write window after the position was taken; syncs read only up to the settle horizon, which lies
 * further back than any such write can land. A retry that comes after the write window first looks
 * whether the items landed (then it is done); if not and the position has settled (the first attempt
 * failed or died), it moves the publication to a fresh position through the ledger, where a
 * compare-and-set lets exactly one writer win. Before settling, a write may still be landing: the retry
 * is asked to come back.
 */
@Singleton
public final class FeedPublisher {
    private static final int MAX_MOVES = 3;

    private final FeedStore feed;
    private final FeedTiming timing;
    private final TimeUuids timeUuids;
    private final Clock clock;

    public FeedPublisher(FeedStore feed, FeedTiming timing, TimeUuids timeUuids, Clock clock) {
        this.feed = requireNonNull(feed, "feed is null");
        this.timing = requireNonNull(timing, "timing is null");
        this.timeUuids = requireNonNull(timeUuids, "timeUuids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Publishes the entries into the member's feed; completes with the position they are at once they
     * are written.
     */
    public CompletableFuture<UUID> publish(String memberId, UUID position, List<FeedEntry> entries, PublicationLedger ledger) {
        if (entries.isEmpty()) {
            return CompletableFuture.completedFuture(position);
        }
        UUID current = position;
        for (int move = 0; move <= MAX_MOVES; move++) {
            UUID at = current;
            if (withinWriteWindow(at)) {
                return feed.write(memberId, at, entries, timing.retention()).thenApply(written -> at);
            }
            if (feed.hasPublication(memberId, at)) {
                // A publication is written in one batch, after its day is indexed: one item there means all are.
                return CompletableFuture.completedFuture(at);
            }
            if (!settled(at)) {
                throw new RefusedException(Refusal.TRY_LATER, "Write in progress",
                        "An earlier attempt of this request may still be completing; send it again shortly.");
            }
            current = ledger.reposition(at, timeUuids.next());
        }
        throw new IllegalStateException("publication of member " + memberId + " kept moving; last position " + current);
    }

    private boolean withinWriteWindow(UUID position) {
        return clock.instant().isBefore(TimeUuids.instantOf(position).plus(timing.writeWindow()));
    }

    private boolean settled(UUID position) {
        return !clock.instant().isBefore(TimeUuids.instantOf(position).plus(timing.settleDelay()));
    }
}
