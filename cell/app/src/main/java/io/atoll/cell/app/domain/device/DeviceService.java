package io.atoll.cell.app.domain.device;

import io.atoll.cell.app.config.DeviceSettings;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Registering, reading and retiring a member's devices. A member only ever reaches their own. */
@Singleton
public final class DeviceService {
    private final DeviceStore devices;
    private final DeviceSettings settings;
    private final Clock clock;

    public DeviceService(DeviceStore devices, DeviceSettings settings, Clock clock) {
        this.devices = requireNonNull(devices, "devices is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Device register(String memberId, String name, DevicePlatform platform) {
        long active = devices.ofMember(memberId).stream().filter(device -> !device.retired()).count();
        if (active >= settings.maxPerMember()) {
            throw new RefusedException(Refusal.CONFLICT, "Device limit reached",
                    "You have " + active + " active devices, the most allowed; retire one first.");
        }
        Device device = new Device(UUID.randomUUID(), memberId, name, platform, clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        devices.insert(device);
        return device;
    }

    public List<DeviceDetails> list(String memberId) {
        return devices.ofMember(memberId).stream()
                .map(device -> new DeviceDetails(device, devices.latestState(device.id())))
                .toList();
    }

    public DeviceDetails details(String memberId, UUID deviceId) {
        Device device = owned(memberId, deviceId);
        return new DeviceDetails(device, devices.latestState(deviceId));
    }

    /** Retires the device; retiring a retired device changes nothing. */
    public Device retire(String memberId, UUID deviceId) {
        Device device = owned(memberId, deviceId);
        if (device.retired()) {
            return device;
        }
        Device retired = device.retire(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        devices.retire(retired, settings.retiredRetention());
        return retired;
    }

    /** The member's device, retired or not. */
    public Device owned(String memberId, UUID deviceId) {
        return devices.find(memberId, deviceId).orElseThrow(() -> RefusedException.deviceNotFound(deviceId));
    }

    /** The member's device, which must still accept requests. */
    public Device active(String memberId, UUID deviceId) {
        Device device = owned(memberId, deviceId);
        if (device.retired()) {
            throw new RefusedException(Refusal.GONE, "Device retired", "Device " + deviceId + " was retired and accepts nothing more.");
        }
        return device;
    }
}
