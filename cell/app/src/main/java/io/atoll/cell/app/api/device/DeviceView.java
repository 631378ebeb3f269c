package io.atoll.cell.app.api.device;

import io.atoll.cell.app.domain.device.Device;
import io.atoll.cell.app.domain.device.DeviceDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A device as clients see it.
 *
 * @param status {@code active} or {@code retired}
 * @param latestState absent until the device has checked in (or after the hot window without one)
 */
@Serdeable
public record DeviceView(UUID id, String name, String platform, String status, Instant registeredAt, @Nullable Instant retiredAt,
                         @Nullable DeviceStateView latestState) {
    static DeviceView of(Device device) {
        return new DeviceView(device.id(), device.name(), device.platform().wireName(), device.retired() ? "retired" : "active",
                device.registeredAt(), device.retiredSince().orElse(null), null);
    }

    static DeviceView of(DeviceDetails details) {
        Device device = details.device();
        return new DeviceView(device.id(), device.name(), device.platform().wireName(), device.retired() ? "retired" : "active",
                device.registeredAt(), device.retiredSince().orElse(null), details.latestState().map(DeviceStateView::of).orElse(null));
    }
}
