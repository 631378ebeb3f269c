package io.atoll.cell.app.domain.command;

import io.atoll.cell.app.domain.AsyncResults;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.TimeUuids;
import io.atoll.cell.app.domain.device.Device;
import io.atoll.cell.app.domain.device.DeviceService;
import io.atoll.cell.app.domain.device.DeviceStore;
import io.atoll.cell.app.domain.feed.FeedEntry;
import io.atoll.cell.app.domain.feed.FeedItemKind;
import io.atoll.cell.app.domain.feed.FeedPublisher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * Operators queue commands for devices; devices fetch them (or get them with a check-in) and acknowledge
 * each with its outcome, which becomes an item of the member's feed. Acknowledging again with the same
 * outcome is a retry and changes nothing.
 */
@Singleton
public final class CommandService {
    private final CommandStore commands;
    private final DeviceStore deviceStore;
    private final DeviceService devices;
    private final FeedPublisher publisher;
    private final CommandRules rules;
    private final TimeUuids timeUuids;
    private final Clock clock;

    public CommandService(CommandStore commands, DeviceStore deviceStore, DeviceService devices, FeedPublisher publisher,
                          CommandRules rules, TimeUuids timeUuids, Clock clock) {
        this.commands = requireNonNull(commands, "commands is null");
        this.deviceStore = requireNonNull(deviceStore, "deviceStore is null");
        this.devices = requireNonNull(devices, "devices is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.timeUuids = requireNonNull(timeUuids, "timeUuids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public DeviceCommand issue(String operatorId, UUID deviceId, String type, Map<String, String> arguments) {
        Device device = deviceStore.find(deviceId).orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND, "Device not found",
                "No device " + deviceId + " is registered in this cell."));
        if (device.retired()) {
            throw new RefusedException(Refusal.GONE, "Device retired", "Device " + deviceId + " was retired and accepts nothing more.");
        }
        long pending = AsyncResults.join(commands.ofDevice(deviceId)).stream().filter(DeviceCommand::pending).count();
        if (pending >= rules.maxPending()) {
            throw new RefusedException(Refusal.CONFLICT, "Command queue full",
                    "Device " + deviceId + " already has " + pending + " pending commands, the most allowed.");
        }
        DeviceCommand command = DeviceCommand.issue(deviceId, timeUuids.next(), type, arguments, operatorId);
        commands.insert(command, rules.retention());
        return command;
    }

    /** Every command of the device still kept, for operators. */
    public List<DeviceCommand> history(UUID deviceId) {
        deviceStore.find(deviceId).orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND, "Device not found",
                "No device " + deviceId + " is registered in this cell."));
        return AsyncResults.join(commands.ofDevice(deviceId));
    }

    public List<DeviceCommand> pending(String memberId, UUID deviceId) {
        devices.active(memberId, deviceId);
        return AsyncResults.join(pendingFor(deviceId));
    }

    /** The device's pending commands, for a caller that has already checked the device is the member's. */
    public CompletableFuture<List<DeviceCommand>> pendingFor(UUID deviceId) {
        return commands.ofDevice(deviceId).thenApply(all -> all.stream().filter(DeviceCommand::pending).toList());
    }

    public DeviceCommand acknowledge(String memberId, UUID deviceId, UUID commandId, CommandStatus outcome, String detail) {
        if (outcome == CommandStatus.PENDING) {
            throw new IllegalArgumentException("an acknowledgement reports an outcome, not " + outcome);
        }
        devices.active(memberId, deviceId);
        if (commandId.version() != 1) {
            // Command ids are time UUIDs; any other UUID names no command (and cannot be looked up as one).
            throw commandNotFound(deviceId, commandId);
        }
        DeviceCommand command = commands.find(deviceId, commandId).orElseThrow(() -> commandNotFound(deviceId, commandId));
        if (command.pending()) {
            command = commands.complete(deviceId, commandId, outcome, clock.instant().truncatedTo(ChronoUnit.MILLIS), detail,
                    timeUuids.next(), rules.retention()).orElseThrow(() -> commandNotFound(deviceId, commandId));
        }
        if (command.status() != outcome) {
            throw new RefusedException(Refusal.CONFLICT, "Command already completed",
                    "Command " + commandId + " was already acknowledged as " + command.status().wireName() + ".");
        }
        if (!command.published()) {
            publish(memberId, command);
            command = commands.find(deviceId, commandId).orElseThrow(() -> commandNotFound(deviceId, commandId));
        }
        return command;
    }

    private void publish(String memberId, DeviceCommand command) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("outcome", command.status().wireName());
        command.detail().ifPresent(detail -> attributes.put("detail", detail));
        FeedEntry result = FeedEntry.fromDevice(FeedItemKind.COMMAND_RESULT, command.deviceId(), command.id(), command.type(),
                command.completion().orElseThrow(), attributes);
        AsyncResults.join(publisher.publish(memberId, command.feedPosition(), List.of(result),
                (expected, replacement) -> commands.reposition(command.deviceId(), command.id(), expected, replacement, rules.retention())));
        commands.markPublished(command.deviceId(), command.id(), rules.retention());
    }

    private static RefusedException commandNotFound(UUID deviceId, UUID commandId) {
        return new RefusedException(Refusal.NOT_FOUND, "Command not found", "Device " + deviceId + " has no command " + commandId + ".");
    }
}
