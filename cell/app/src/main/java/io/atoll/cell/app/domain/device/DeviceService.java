package io.atoll.cell.app.domain.device;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import jakarta.inject.Inject;
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
    private final DeviceRules rules;
    private final Clock clock;
    /**
     * The devices found to be their member's and active, so that every check-in does not read its device: an
     * owner never changes and a device only ever goes from active to retired, so only that can go stale.
     */
    private final Cache<MemberDevice, Boolean> activeDevices;

    @Inject
    public DeviceService(DeviceStore devices, DeviceRules rules, Clock clock) {
        this(devices, rules, clock, Ticker.systemTicker());
    }

    /** With the ticker the active devices' time to live is measured by. */
    DeviceService(DeviceStore devices, DeviceRules rules, Clock clock, Ticker ticker) {
        this.devices = requireNonNull(devices, "devices is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.activeDevices = Caffeine.newBuilder()
                .maximumSize(rules.activeCacheMaxSize())
                .expireAfterWrite(rules.activeCacheTtl())
                .ticker(requireNonNull(ticker, "ticker is null"))
                .build();
    }

    public Device register(String memberId, String name, DevicePlatform platform) {
        long active = devices.ofMember(memberId).stream().filter(device -> !device.retired()).count();
        if (active >= rules.maxPerMember()) {
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
        Device retired = device.retire(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!device.retired()) {
            devices.retire(retired, rules.retiredRetention());
        }
        // Also when it was already retired: another replica may have retired it while this one remembered it active.
        activeDevices.invalidate(new MemberDevice(memberId, deviceId));
        return retired;
    }

    /** The member's device, retired or not. */
    public Device owned(String memberId, UUID deviceId) {
        return devices.find(memberId, deviceId).orElseThrow(() -> RefusedException.deviceNotFound(deviceId));
    }

    /**
     * Checks that the device is the member's and still accepts requests. A device found active is taken to stay
     * so for {@link DeviceRules#activeCacheTtl()}; anything else is read again every time.
     */
    public void active(String memberId, UUID deviceId) {
        // The read runs inside the cache's computation, which a retire's invalidation waits for: a device read
        // just before its retirement on this instance cannot be remembered as active after it.
        activeDevices.get(new MemberDevice(memberId, deviceId), this::readActive);
    }

    private Boolean readActive(MemberDevice key) {
        Device device = owned(key.memberId(), key.deviceId());
        if (device.retired()) {
            throw new RefusedException(Refusal.GONE, "Device retired", "Device " + key.deviceId() + " was retired and accepts nothing more.");
        }
        return Boolean.TRUE;
    }

    /** Keys the cache by member too, so that asking for another member's device never finds the owner's entry. */
    private record MemberDevice(String memberId, UUID deviceId) {
    }
}
