package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.Page;
import io.atoll.cell.storage.domain.TimeCursor;
import io.atoll.cell.storage.domain.job.JobRequest;
import io.atoll.cell.storage.domain.job.JobRequestCreation;
import io.atoll.cell.storage.domain.job.JobRequestService;
import io.atoll.cell.storage.domain.job.JobRequestStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Requests to the job pipeline: made by storage itself (uploads) or by the workers, planned and completed by the workers. */
@Controller("/storage/v1/job-requests")
@ExecuteOn(TaskExecutors.BLOCKING)
class JobRequestController {
    private final JobRequestService requests;

    JobRequestController(JobRequestService requests) {
        this.requests = requireNonNull(requests, "requests is null");
    }

    /** 201 for the call that made the request, 200 with the same request for every retry of it. */
    @Post
    @Secured(Scopes.WRITE)
    HttpResponse<JobRequestView> create(@Body @Valid NewJobRequestBody body) {
        JobRequestCreation creation = requests.request(Optional.ofNullable(body.id()), body.toNewJobRequest());
        JobRequestView view = JobRequestView.of(creation.details());
        return creation.created()
                ? HttpResponse.<JobRequestView>status(HttpStatus.CREATED).body(view).header(HttpHeaders.LOCATION, "/storage/v1/job-requests/" + view.id())
                : HttpResponse.ok(view);
    }

    @Get
    @Secured(Scopes.READ)
    JobRequestList list(@QueryValue(defaultValue = "50") @Min(1) @Max(200) int limit,
                        @QueryValue @Nullable @Size(max = 200) String after,
                        @QueryValue @Nullable @Pattern(regexp = JobRequestStatus.CODES, message = "must be one of " + JobRequestStatus.CODES) String status) {
        Page<JobRequest> page = requests.newest(Optional.ofNullable(status).map(JobRequestStatus::ofCode),
                Optional.ofNullable(after).map(TimeCursor::decode), limit);
        return new JobRequestList(page.entries().stream().map(JobRequestView::listed).toList(), page.next().orElse(null));
    }

    @Get("/{requestId}")
    @Secured(Scopes.READ)
    JobRequestView read(@PathVariable UUID requestId) {
        return JobRequestView.of(requests.find(requestId));
    }

    @Put("/{requestId}/plan")
    @Secured(Scopes.WRITE)
    JobRequestView plan(@PathVariable UUID requestId, @Body @Valid PlanBody body) {
        return JobRequestView.of(requests.plan(requestId, body.toPlannedJobs()));
    }

    /** The first completion wins; later ones answer the request as it was completed. */
    @Put("/{requestId}/completion")
    @Secured(Scopes.WRITE)
    JobRequestView complete(@PathVariable UUID requestId, @Body @Valid CompletionBody body) {
        return JobRequestView.of(requests.complete(requestId, JobRequestStatus.ofCode(body.status()), body.summary(), body.headline()));
    }
}
