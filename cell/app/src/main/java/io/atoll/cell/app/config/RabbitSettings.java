package io.atoll.cell.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The cell's RabbitMQ broker, where storage publishes the cell's events (environment {@code RABBITMQ_HOST},
 * {@code RABBITMQ_PORT}, {@code RABBITMQ_USERNAME}, {@code RABBITMQ_PASSWORD}, {@code RABBITMQ_VIRTUAL_HOST}).
 *
 * @param virtualHost the cell's own vhost
 */
@ConfigurationProperties("rabbitmq")
public record RabbitSettings(@NotBlank String host, int port, @NotBlank String username, @NotNull String password,
                             @NotBlank String virtualHost) {
}
