package io.atoll.cell.auth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * Which cell this service belongs to.
 *
 * @param id the cell's id, the issuer of its tokens and the home cell of its accounts (e.g. {@code eu-west-1})
 * @param region the region the cell runs in
 */
@ConfigurationProperties("atoll.cell")
public record CellSettings(@NotBlank String id, @NotBlank String region) {
}
