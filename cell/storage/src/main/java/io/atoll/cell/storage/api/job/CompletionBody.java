package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.JobRequestStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * How a request ended.
 *
 * @param summary what its jobs came to: kept as the request's result
 * @param headline one line saying so, for notifications and the completion event
 */
@Serdeable
public record CompletionBody(@NotNull @Pattern(regexp = JobRequestStatus.COMPLETION_CODES,
                                     message = "must be one of " + JobRequestStatus.COMPLETION_CODES) String status,
                             @NotNull Map<String, Object> summary, @NotNull @Size(max = 500) String headline) {
}
