package io.atoll.cell.storage.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Which cell this storage serves.
 *
 * @param id the cell id, e.g. {@code eu-west-1}; stamped on every event and on members who name no home cell
 * @param region the region the cell runs in; the warehouse for destinations no other warehouse serves
 */
@ConfigurationProperties("atoll.cell")
public record CellSettings(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String id, @NotBlank String region) {
}
