package io.atoll.cell.app.domain.feed;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The feed's record of having taken in an event.
 *
 * @param feedPosition where the event's item is (or is to be) published
 */
public record EventReceipt(String eventId, String memberId, UUID feedPosition) {
    public EventReceipt {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(feedPosition, "feedPosition is null");
    }
}
