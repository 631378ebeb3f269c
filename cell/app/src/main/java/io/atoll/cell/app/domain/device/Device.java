package io.atoll.cell.app.domain.device;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A device a member registered. Retired devices keep their record for a while but accept nothing more.
 *
 * @param retiredAt when it was retired, or null while it is active
 */
public record Device(UUID id, String memberId, String name, DevicePlatform platform, Instant registeredAt, Instant retiredAt) {
    public Device {
        requireNonNull(id, "id is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(name, "name is null");
        requireNonNull(platform, "platform is null");
        requireNonNull(registeredAt, "registeredAt is null");
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public Optional<Instant> retiredSince() {
        return Optional.ofNullable(retiredAt);
    }

    public Device retire(Instant at) {
        return retired() ? this : new Device(id, memberId, name, platform, registeredAt, at);
    }
}
