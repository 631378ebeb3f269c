package io.atoll.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the cell registry comes from.
 *
 * @param file the registry file, in the shape of {@code terraform output -json}
 * @param reloadInterval how often the file is checked for changes
 */
@ConfigurationProperties("atoll.router.registry")
public record RegistrySettings(@NotNull Path file, @NotNull Duration reloadInterval) {
}
