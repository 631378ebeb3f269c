package io.atoll.cell.workers.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * The cell these workers belong to (environment {@code ATOLL_CELL_ID}, {@code ATOLL_CELL_REGION}).
 *
 * @param id named in every completion the workers report
 */
@ConfigurationProperties("atoll.cell")
public record CellSettings(@NotBlank String id, @NotBlank String region) {
}
