package io.atoll.cell.app.api.checkin;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.checkin.CheckinAcknowledgement;
import io.atoll.cell.app.domain.checkin.CheckinService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The periodic check-ins of a member's devices. */
@Controller("/v1/devices/{deviceId}/checkins")
@ExecuteOn(TaskExecutors.BLOCKING)
class CheckinController {
    private final CheckinService checkins;
    private final CheckinMetrics metrics;

    CheckinController(CheckinService checkins, CheckinMetrics metrics) {
        this.checkins = requireNonNull(checkins, "checkins is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Stores the check-in once however often it is sent; every attempt gets 200 with the same receipt time. */
    @Post
    CheckinResponse checkIn(Caller caller, @PathVariable UUID deviceId, @Body @Valid CheckinRequest request) {
        CheckinAcknowledgement acknowledgement = checkins.accept(caller.accountId(), deviceId, request.toSubmission());
        metrics.count(acknowledgement);
        return CheckinResponse.of(acknowledgement);
    }

    @Get("/{checkinId}")
    CheckinView read(Caller caller, @PathVariable UUID deviceId, @PathVariable UUID checkinId) {
        return CheckinView.of(checkins.find(caller.accountId(), deviceId, checkinId));
    }
}
