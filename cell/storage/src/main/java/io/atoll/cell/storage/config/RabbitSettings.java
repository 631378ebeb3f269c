package io.atoll.cell.storage.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The cell's RabbitMQ broker and its own vhost, under the names micronaut-rabbitmq uses ({@code rabbitmq.*},
 * {@code RABBITMQ_*}), so every service of a cell is configured alike.
 */
@ConfigurationProperties("rabbitmq")
public record RabbitSettings(@NotBlank String host, @Min(1) @Max(65535) int port, @NotBlank String username,
                             @NotNull String password, @NotBlank String virtualHost) {
}
