package io.atoll.cell.app.domain.device;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A device with what it reported last, if it has checked in within the hot window. */
public record DeviceDetails(Device device, Optional<DeviceState> latestState) {
    public DeviceDetails {
        requireNonNull(device, "device is null");
        requireNonNull(latestState, "latestState is null");
    }
}
