package io.atoll.cell.app.domain.device;

import io.atoll.cell.app.config.DeviceSettings;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeviceServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final String MEMBER = "member-1";

    private final CountingDeviceStore store = new CountingDeviceStore();
    private final AtomicLong nanos = new AtomicLong();
    private final DeviceService service = new DeviceService(store, new DeviceSettings(10, Duration.ofDays(30), TTL, 100),
            Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);

    @Test
    void aDeviceFoundActiveIsNotReadAgainWithinTheTimeToLive() {
        Device device = deviceFoundActive();

        nanos.addAndGet(TTL.toNanos() - 1);
        service.active(MEMBER, device.id());

        assertThat(store.finds).hasValue(1);
    }

    @Test
    void aDeviceIsReadAgainOnceTheTimeToLiveHasPassed() {
        Device device = deviceFoundActive();

        nanos.addAndGet(TTL.toNanos());
        service.active(MEMBER, device.id());

        assertThat(store.finds).hasValue(2);
    }

    @Test
    void aDeviceRetiredThroughThisServiceIsRefusedAtOnce() {
        Device device = deviceFoundActive();

        service.retire(MEMBER, device.id());

        assertRefused(Refusal.GONE, MEMBER, device.id());
    }

    @Test
    void aDeviceRetiredByAnotherReplicaIsAcceptedHereAtMostUntilTheTimeToLivePasses() {
        Device device = deviceFoundActive();
        retireElsewhere(device);

        service.active(MEMBER, device.id());
        nanos.addAndGet(TTL.toNanos());

        assertRefused(Refusal.GONE, MEMBER, device.id());
    }

    @Test
    void aDeviceRetiredByAnotherReplicaIsRefusedOnceThisServiceRetiresItToo() {
        Device device = deviceFoundActive();
        retireElsewhere(device);

        service.retire(MEMBER, device.id());

        assertRefused(Refusal.GONE, MEMBER, device.id());
    }

    @Test
    void anotherMemberDoesNotReachADeviceItsOwnerHasJustUsed() {
        Device device = deviceFoundActive();

        assertRefused(Refusal.NOT_FOUND, "member-2", device.id());
    }

    @Test
    void retiredAndUnknownDevicesAreReadEveryTime() {
        Device device = deviceFoundActive();
        service.retire(MEMBER, device.id());
        UUID unknown = UUID.randomUUID();
        long findsBefore = store.finds.get();

        assertRefused(Refusal.GONE, MEMBER, device.id());
        assertRefused(Refusal.GONE, MEMBER, device.id());
        assertRefused(Refusal.NOT_FOUND, MEMBER, unknown);
        assertRefused(Refusal.NOT_FOUND, MEMBER, unknown);

        assertThat(store.finds.get() - findsBefore).isEqualTo(4);
    }

    /** A new device of {@link #MEMBER} that the service has just found active, reading it once. */
    private Device deviceFoundActive() {
        Device device = service.register(MEMBER, "Phone", DevicePlatform.ANDROID);
        service.active(MEMBER, device.id());
        return device;
    }

    /** Retires the device in the store alone, as another replica of the app would. */
    private void retireElsewhere(Device device) {
        store.retire(device.retire(NOW), Duration.ofDays(30));
    }

    private void assertRefused(Refusal refusal, String memberId, UUID deviceId) {
        assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> service.active(memberId, deviceId))
                .extracting(RefusedException::refusal).isEqualTo(refusal);
    }

    /** Devices in memory, counting the reads of a member's device. */
    private static final class CountingDeviceStore implements DeviceStore {
        private final Map<UUID, Device> devices = new ConcurrentHashMap<>();
        private final AtomicLong finds = new AtomicLong();

        @Override
        public void insert(Device device) {
            devices.put(device.id(), device);
        }

        @Override
        public List<Device> ofMember(String memberId) {
            return devices.values().stream().filter(device -> device.memberId().equals(memberId)).toList();
        }

        @Override
        public Optional<Device> find(String memberId, UUID deviceId) {
            finds.incrementAndGet();
            return find(deviceId).filter(device -> device.memberId().equals(memberId));
        }

        @Override
        public Optional<Device> find(UUID deviceId) {
            return Optional.ofNullable(devices.get(deviceId));
        }

        @Override
        public void retire(Device retired, Duration keepFor) {
            devices.put(retired.id(), retired);
        }

        @Override
        public Optional<DeviceState> latestState(UUID deviceId) {
            return Optional.empty();
        }
    }
}
