package io.atoll.cell.app.domain.checkin;

import io.atoll.cell.app.domain.command.DeviceCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What the app answers a check-in with.
 *
 * @param receivedAt when the check-in first arrived; the same for every retry
 * @param replayed whether an earlier attempt had already recorded this check-in id
 * @param nextCheckin when the device should check in again
 * @param pendingCommands what operators have queued for the device
 */
public record CheckinAcknowledgement(UUID checkinId, Instant receivedAt, boolean replayed, Duration nextCheckin,
                                     List<DeviceCommand> pendingCommands) {
    public CheckinAcknowledgement {
        requireNonNull(checkinId, "checkinId is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(nextCheckin, "nextCheckin is null");
        pendingCommands = List.copyOf(pendingCommands);
    }
}
