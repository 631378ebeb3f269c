package io.atoll.cell.app.domain.checkin;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** A check-in as the app stored it. */
public record StoredCheckin(UUID deviceId, Instant receivedAt, CheckinSubmission submission) {
    public StoredCheckin {
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(submission, "submission is null");
    }
}
