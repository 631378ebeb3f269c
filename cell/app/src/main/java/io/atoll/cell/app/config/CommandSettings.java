package io.atoll.cell.app.config;

import io.atoll.cell.app.domain.command.CommandRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * @param retention how long a command is kept, pending or completed
 * @param maxPending how many commands may wait for one device at once
 */
@ConfigurationProperties("atoll.app.commands")
public record CommandSettings(@NotNull Duration retention, @Positive int maxPending) implements CommandRules {
}
