package io.atoll.cell.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Which cell this app serves.
 *
 * @param id the cell id, e.g. {@code eu-west-1}; names the cell's keyspace unless one is configured
 * @param region the region the cell runs in
 */
@ConfigurationProperties("atoll.cell")
public record CellSettings(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String id, @NotBlank String region) {
}
