package io.atoll.cell.app.api.device;

import io.atoll.cell.app.domain.device.DeviceState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** What a device reported in its latest check-in. */
@Serdeable
public record DeviceStateView(UUID checkinId, Instant receivedAt, Instant clientTime, String appVersion, String os,
                              @Nullable Integer batteryPercent, String networkType) {
    static DeviceStateView of(DeviceState state) {
        return new DeviceStateView(state.checkinId(), state.receivedAt(), state.clientTime(), state.appVersion(), state.os(),
                state.batteryPercent(), state.networkType().wireName());
    }
}
