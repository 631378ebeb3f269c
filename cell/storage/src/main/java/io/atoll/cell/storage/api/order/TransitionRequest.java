package io.atoll.cell.storage.api.order;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Moves an open order on.
 *
 * @param actor who does it (a person or a tool), recorded with the fulfilment transaction
 */
@Serdeable
public record TransitionRequest(@NotNull @Pattern(regexp = "fulfilled|cancelled") String status,
                                @NotBlank @Size(max = 200) String actor) {
}
