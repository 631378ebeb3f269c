package io.atoll.cell.app.api.checkin;

import io.atoll.cell.app.domain.checkin.CheckinSubmission;
import io.atoll.cell.app.domain.checkin.DeviceReport;
import io.atoll.cell.app.domain.checkin.StoredCheckin;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored check-in, as {@code GET /v1/devices/{deviceId}/checkins/{checkinId}} shows it. */
@Serdeable
public record CheckinView(UUID checkinId, UUID deviceId, Instant receivedAt, Instant clientTime, DeviceStateReport state,
                          List<ActivityEventReport> events) {
    static CheckinView of(StoredCheckin stored) {
        CheckinSubmission submission = stored.submission();
        DeviceReport report = submission.state();
        return new CheckinView(submission.checkinId(), stored.deviceId(), stored.receivedAt(), submission.clientTime(),
                new DeviceStateReport(report.appVersion(), report.os(), report.batteryPercent(), report.networkType().wireName()),
                submission.events().stream().map(event -> new ActivityEventReport(event.type(), event.occurredAt(), event.attributes())).toList());
    }
}
