package io.atoll.cell.app.domain.checkin;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Check-in receipts, raw check-ins and the devices' latest states. {@code keepFor} counts from when the
 * check-in was first received: a receipt expires as a whole, never leaving half a row behind.
 */
public interface CheckinStore {
    /**
     * Makes the receipt for a check-in id unless one exists, atomically however many attempts race; answers
     * the receipt that holds, made now (with {@code position} as both receive time and feed position) or
     * before.
     */
    CheckinReceipt claim(UUID deviceId, UUID checkinId, String memberId, String digest, UUID position, Duration keepFor);

    /** Moves the receipt's feed position from {@code expected} unless another attempt moved it first; answers the one that holds. */
    UUID reposition(CheckinReceipt receipt, UUID expected, UUID replacement, Duration keepFor);

    /**
     * Writes the raw check-in and the device's latest state; writing them again changes nothing (the state
     * is written as of the receive time, so a late retry never overwrites a newer check-in's state).
     */
    CompletableFuture<Void> record(CheckinReceipt receipt, CheckinSubmission submission, Duration keepFor);

    /** The check-in, once its raw record has been written. */
    Optional<StoredCheckin> find(UUID deviceId, UUID checkinId);
}
