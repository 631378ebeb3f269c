package io.atoll.cell.app.domain.checkin;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The record that a device's check-in id has been seen, made once by whichever attempt came first.
 *
 * @param digest the {@link CheckinSubmission#digest() digest} of the check-in the receipt was made for
 * @param receivedAt when the first attempt arrived (a time UUID); the raw check-in is kept under it
 * @param feedPosition where the check-in's activity goes in the member's feed
 * @param claimedNow whether this attempt made the receipt (false for retries)
 */
public record CheckinReceipt(UUID deviceId, UUID checkinId, String memberId, String digest, UUID receivedAt,
                             UUID feedPosition, boolean claimedNow) {
    public CheckinReceipt {
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(checkinId, "checkinId is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(digest, "digest is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(feedPosition, "feedPosition is null");
    }
}
