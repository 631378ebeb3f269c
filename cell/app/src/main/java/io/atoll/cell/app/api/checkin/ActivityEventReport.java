package io.atoll.cell.app.api.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** One activity event of a check-in, e.g. {@code {"type": "screen_view", "occurredAt": "...", "attributes": {"screen": "home"}}}. */
@Serdeable
public record ActivityEventReport(@NotNull @Pattern(regexp = "[a-z][a-z0-9_.]{0,63}") String type,
                                  @NotNull Instant occurredAt,
                                  @Nullable @Size(max = 16) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 512) String> attributes) {
}
