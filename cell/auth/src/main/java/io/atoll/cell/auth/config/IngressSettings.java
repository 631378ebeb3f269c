package io.atoll.cell.auth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The cell's ingress: the public listener in front of the app and of the service's own endpoints. Every property is
 * documented in the module's README.
 *
 * @param host the address the ingress listens on
 * @param port its port; 0 picks a free one
 * @param connectTimeout how long to wait for a connection to the app (or to the service's own endpoints)
 * @param readTimeout how long the app may stay silent while a request waits for (more of) its answer, and a client
 *                    while the ingress waits for more of its body
 * @param clientIdleTimeout how long a client may send nothing between requests or inside a request's head
 * @param threads the ingress's event-loop threads; 0 means one per processor
 */
@ConfigurationProperties("atoll.auth.ingress")
public record IngressSettings(@Bindable(defaultValue = "0.0.0.0") @NotBlank String host,
                              @Min(0) @Max(65535) int port,
                              @Bindable(defaultValue = "2s") @NotNull Duration connectTimeout,
                              @Bindable(defaultValue = "60s") @NotNull Duration readTimeout,
                              @Bindable(defaultValue = "60s") @NotNull Duration clientIdleTimeout,
                              @Bindable(defaultValue = "0") @Min(0) int threads) {
}
