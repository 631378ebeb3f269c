package io.atoll.cell.app.api.command;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
public record CommandList(List<CommandView> commands) {
}
