package io.atoll.cell.storage.api.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atoll.cell.storage.domain.job.JobOutcome;
import io.atoll.cell.storage.domain.job.JobStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Optional;

/**
 * How an attempt of a job ended.
 *
 * @param isFinal {@code final} in JSON: whether the job ends with this attempt, or another follows
 * @param result what the program printed on stdout, when it was a JSON object
 * @param stderr what it printed on stderr
 */
@Serdeable
public record OutcomeBody(@NotNull @Pattern(regexp = JobStatus.OUTCOME_CODES, message = "must be one of " + JobStatus.OUTCOME_CODES) String status,
                          @JsonProperty("final") @NotNull Boolean isFinal, @Nullable Integer exitCode,
                          @Nullable Map<String, Object> result, @Nullable @Size(max = 65536) String stderr) {
    JobOutcome toOutcome() {
        return new JobOutcome(JobStatus.ofCode(status), isFinal, Optional.ofNullable(exitCode), Optional.ofNullable(result),
                Optional.ofNullable(stderr));
    }
}
