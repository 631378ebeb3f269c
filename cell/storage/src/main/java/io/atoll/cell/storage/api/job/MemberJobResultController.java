package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.api.MemberIds;
import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.job.JobRequestKind;
import io.atoll.cell.storage.domain.job.JobRequestService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the pipeline found about a member's things (e.g. every photo's inspection, to compare a new photo with).
 * Reading it does not make the member join: a member storage does not know has no results.
 */
@Controller("/storage/v1/members/{memberId}/job-results")
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberJobResultController {
    private final JobRequestService requests;

    MemberJobResultController(JobRequestService requests) {
        this.requests = requireNonNull(requests, "requests is null");
    }

    @Get
    @Secured(Scopes.READ)
    JobResultList list(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                       @QueryValue @Nullable @Pattern(regexp = JobRequestKind.CODES, message = "must be one of " + JobRequestKind.CODES) String kind,
                       @QueryValue(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return JobResultList.of(requests.resultsOf(memberId, Optional.ofNullable(kind).map(JobRequestKind::ofCode), limit));
    }
}
