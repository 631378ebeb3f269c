package io.atoll.cell.app.domain.device;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registered devices, by member and by id. */
public interface DeviceStore {
    void insert(Device device);

    List<Device> ofMember(String memberId);

    /** The device if it is registered to this member. */
    Optional<Device> find(String memberId, UUID deviceId);

    /** The device, whoever owns it: for operators. */
    Optional<Device> find(UUID deviceId);

    /** Stores the retired device, which is gone after {@code keepFor}. */
    void retire(Device retired, Duration keepFor);

    Optional<DeviceState> latestState(UUID deviceId);
}
