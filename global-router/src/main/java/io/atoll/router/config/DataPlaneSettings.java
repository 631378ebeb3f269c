package io.atoll.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Duration;

/**
 * The mobile API's listener and how it talks to cells.
 *
 * @param host the address the data plane listens on
 * @param port its port; 0 picks a free one
 * @param connectTimeout how long to wait for a connection to a cell
 * @param readTimeout how long a cell may stay silent while a request waits for (more of) its response
 * @param maxIdleConnectionsPerCell idle connections kept open to each cell, per data-plane thread
 * @param idleConnectionTimeout how long an idle connection to a cell stays open; keep it below the cell's own
 * @param clientIdleTimeout how long a client may send nothing while the router waits on it: between requests, inside a
 *                          request's head, or before the body of a credential request has named its account
 * @param threads the data plane's event-loop threads; 0 means one per processor
 */
@ConfigurationProperties("atoll.router.data-plane")
public record DataPlaneSettings(@NotBlank String host,
                                @Min(0) @Max(65535) int port,
                                @NotNull Duration connectTimeout,
                                @NotNull Duration readTimeout,
                                @PositiveOrZero int maxIdleConnectionsPerCell,
                                @NotNull Duration idleConnectionTimeout,
                                @NotNull Duration clientIdleTimeout,
                                @Min(0) int threads) {
}
