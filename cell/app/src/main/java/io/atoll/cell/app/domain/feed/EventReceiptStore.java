package io.atoll.cell.app.domain.feed;

import java.time.Duration;
import java.util.UUID;

/** The events the members' feeds have taken in, each once. */
public interface EventReceiptStore {
    /**
     * Claims the event for the feed at the given position, unless it was claimed before (by an earlier delivery,
     * here or on another instance): then answers that claim.
     */
    EventReceipt claim(String eventId, String memberId, UUID position, Duration keepFor);

    /** Moves the event's publication, as {@link PublicationLedger#reposition} describes. */
    UUID reposition(String eventId, UUID expected, UUID replacement, Duration keepFor);
}
