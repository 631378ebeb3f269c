package io.atoll.cell.app.domain.checkin;

import static java.util.Objects.requireNonNull;

/**
 * The state a device reports with each check-in.
 *
 * @param batteryPercent 0 to 100, or null when the device cannot tell
 */
public record DeviceReport(String appVersion, String os, Integer batteryPercent, NetworkType networkType) {
    public DeviceReport {
        requireNonNull(appVersion, "appVersion is null");
        requireNonNull(os, "os is null");
        requireNonNull(networkType, "networkType is null");
    }
}
