package io.atoll.cell.app.domain.feed;

import java.time.Duration;

/** How long feed items are kept and how a sync stays behind writes in flight; the service's settings provide it ({@code atoll.app.feed.*}). */
public interface FeedTiming {
    /** How long feed items are kept. */
    Duration retention();

    /** How long after taking a feed position a writer may still write at it. */
    Duration writeWindow();

    /** How far behind the present a sync reads, so that no write still in flight lands behind a cursor handed out. */
    Duration settleDelay();
}
