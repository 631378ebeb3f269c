package io.atoll.cell.app.api.command;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.command.CommandService;
import io.atoll.cell.app.domain.command.DeviceCommand;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Operators queueing commands for any device of the cell; {@link OperatorScopeFilter} lets only operators in. */
@Controller("/v1/operator/devices/{deviceId}/commands")
@ExecuteOn(TaskExecutors.BLOCKING)
class OperatorCommandController {
    private final CommandService commands;

    OperatorCommandController(CommandService commands) {
        this.commands = requireNonNull(commands, "commands is null");
    }

    @Post
    HttpResponse<CommandView> issue(Caller caller, @PathVariable UUID deviceId, @Body @Valid CommandRequest request) {
        DeviceCommand command = commands.issue(caller.accountId(), deviceId, request.type(),
                request.arguments() == null ? Map.of() : request.arguments());
        return HttpResponse.created(CommandView.of(command), URI.create("/v1/operator/devices/" + deviceId + "/commands/" + command.id()));
    }

    @Get
    CommandList history(Caller caller, @PathVariable UUID deviceId) {
        return new CommandList(commands.history(deviceId).stream().map(CommandView::of).toList());
    }
}
