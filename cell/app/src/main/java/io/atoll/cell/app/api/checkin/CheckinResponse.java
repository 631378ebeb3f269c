package io.atoll.cell.app.api.checkin;

import io.atoll.cell.app.api.command.CommandView;
import io.atoll.cell.app.domain.checkin.CheckinAcknowledgement;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a check-in.
 *
 * @param receivedAt when the check-in first reached the app; the same in the answer to every retry
 * @param replayed true when an earlier attempt with the same check-in id had already been received
 * @param nextCheckinSeconds when to check in next, set by the server (longer while the cell is busy)
 * @param commands what is queued for the device; each is acknowledged on its own
 */
@Serdeable
public record CheckinResponse(UUID checkinId, Instant receivedAt, boolean replayed, long nextCheckinSeconds, List<CommandView> commands) {
    static CheckinResponse of(CheckinAcknowledgement acknowledgement) {
        return new CheckinResponse(acknowledgement.checkinId(), acknowledgement.receivedAt(), acknowledgement.replayed(),
                Math.max(1, acknowledgement.nextCheckin().toSeconds()),
                acknowledgement.pendingCommands().stream().map(CommandView::of).toList());
    }
}
