package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.api.MemberIds;
import io.atoll.cell.storage.domain.job.JobRequestKind;
import io.atoll.cell.storage.domain.job.NewJobRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to the pipeline.
 *
 * @param id the caller's idempotency key: the same on every retry of the request; storage chooses one when absent
 */
@Serdeable
public record NewJobRequestBody(@Nullable UUID id,
                                @NotNull @Pattern(regexp = JobRequestKind.CODES, message = "must be one of " + JobRequestKind.CODES) String kind,
                                @Nullable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                                @NotBlank @Size(max = 200) String subjectId,
                                @NotNull Map<String, Object> spec) {
    NewJobRequest toNewJobRequest() {
        return new NewJobRequest(JobRequestKind.ofCode(kind), Optional.ofNullable(memberId), subjectId, spec);
    }
}
