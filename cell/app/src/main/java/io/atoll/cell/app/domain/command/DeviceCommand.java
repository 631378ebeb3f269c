package io.atoll.cell.app.domain.command;

import io.atoll.cell.app.domain.TimeUuids;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Something an operator asked a device to do, and what the device answered.
 *
 * @param id a time UUID: commands are handed out in the order they were issued
 * @param completedAt when the device reported the outcome, or null while pending
 * @param resultDetail what the device said about the outcome, or null
 * @param feedPosition where the outcome goes in the member's feed, or null while pending
 * @param published whether the outcome is in the member's feed
 */
public record DeviceCommand(UUID deviceId, UUID id, String type, Map<String, String> arguments, String issuedBy,
                            CommandStatus status, Instant completedAt, String resultDetail, UUID feedPosition, boolean published) {
    public DeviceCommand {
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        arguments = Map.copyOf(arguments);
        requireNonNull(issuedBy, "issuedBy is null");
        requireNonNull(status, "status is null");
    }

    public static DeviceCommand issue(UUID deviceId, UUID id, String type, Map<String, String> arguments, String issuedBy) {
        return new DeviceCommand(deviceId, id, type, arguments, issuedBy, CommandStatus.PENDING, null, null, null, false);
    }

    public Instant issuedAt() {
        return TimeUuids.instantOf(id);
    }

    public boolean pending() {
        return status == CommandStatus.PENDING;
    }

    public Optional<Instant> completion() {
        return Optional.ofNullable(completedAt);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(resultDetail);
    }
}
