package io.atoll.cell.app.domain.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The commands queued for each device, in the order they were issued. {@code keepFor} counts from when the
 * command was issued: a command expires as a whole, never leaving half a row behind.
 */
public interface CommandStore {
    void insert(DeviceCommand command, Duration keepFor);

    CompletableFuture<List<DeviceCommand>> ofDevice(UUID deviceId);

    Optional<DeviceCommand> find(UUID deviceId, UUID commandId);

    /**
     * Completes the command if it is still pending, atomically; answers the command as it is afterwards
     * (completed by this call or an earlier one), or nothing if there is no such command.
     */
    Optional<DeviceCommand> complete(UUID deviceId, UUID commandId, CommandStatus outcome, Instant at, String detail,
                                     UUID feedPosition, Duration keepFor);

    /** Moves the outcome's feed position from {@code expected} unless another attempt moved it first; answers the one that holds. */
    UUID reposition(UUID deviceId, UUID commandId, UUID expected, UUID replacement, Duration keepFor);

    void markPublished(UUID deviceId, UUID commandId, Duration keepFor);
}
