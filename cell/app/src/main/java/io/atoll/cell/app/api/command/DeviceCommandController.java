package io.atoll.cell.app.api.command;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.command.CommandService;
import io.atoll.cell.app.domain.command.CommandStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** A member's device fetching the commands queued for it and reporting how each went. */
@Controller("/v1/devices/{deviceId}/commands")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceCommandController {
    private final CommandService commands;

    DeviceCommandController(CommandService commands) {
        this.commands = requireNonNull(commands, "commands is null");
    }

    @Get
    CommandList pending(Caller caller, @PathVariable UUID deviceId) {
        return new CommandList(commands.pending(caller.accountId(), deviceId).stream().map(CommandView::of).toList());
    }

    @Post("/{commandId}/ack")
    CommandView acknowledge(Caller caller, @PathVariable UUID deviceId, @PathVariable UUID commandId,
                            @Body @Valid CommandAcknowledgement acknowledgement) {
        return CommandView.of(commands.acknowledge(caller.accountId(), deviceId, commandId,
                CommandStatus.ofWireName(acknowledgement.outcome()), acknowledgement.detail()));
    }
}
