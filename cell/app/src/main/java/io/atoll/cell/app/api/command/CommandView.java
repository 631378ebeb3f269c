package io.atoll.cell.app.api.command;

import io.atoll.cell.app.domain.command.DeviceCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A command as devices and operators see it.
 *
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 */
@Serdeable
public record CommandView(UUID id, UUID deviceId, String type, Map<String, String> arguments, String issuedBy, Instant issuedAt,
                          String status, @Nullable Instant completedAt, @Nullable String detail) {
    public static CommandView of(DeviceCommand command) {
        return new CommandView(command.id(), command.deviceId(), command.type(), command.arguments(), command.issuedBy(), command.issuedAt(),
                command.status().wireName(), command.completion().orElse(null), command.detail().orElse(null));
    }
}
