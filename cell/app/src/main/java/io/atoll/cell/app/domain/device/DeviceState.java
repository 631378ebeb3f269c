package io.atoll.cell.app.domain.device;

import io.atoll.cell.app.domain.checkin.NetworkType;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a device reported in its latest check-in.
 *
 * @param batteryPercent null when the device did not report it
 */
public record DeviceState(UUID checkinId, Instant receivedAt, Instant clientTime, String appVersion, String os,
                          Integer batteryPercent, NetworkType networkType) {
    public DeviceState {
        requireNonNull(checkinId, "checkinId is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(clientTime, "clientTime is null");
        requireNonNull(appVersion, "appVersion is null");
        requireNonNull(os, "os is null");
        requireNonNull(networkType, "networkType is null");
    }
}
