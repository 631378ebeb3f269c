package io.atoll.cell.storage.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * The cell's business database and the two roles storage uses on it.
 *
 * @param url JDBC URL of the database ({@code core_<cell>})
 * @param migrationUsername the schema owner Flyway runs as
 * @param migrationPassword its password
 * @param serviceUsername the least-privilege login role every query of the service runs as; the migrations create
 *        it when missing and grant it only row access to its tables
 * @param retryAfter what a client is told to wait when the database cannot be reached
 */
@ConfigurationProperties("atoll.storage.database")
public record DatabaseSettings(@NotBlank String url, @NotBlank String migrationUsername, @NotNull String migrationPassword,
                               @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}") String serviceUsername,
                               @NotNull Duration retryAfter) {
}
