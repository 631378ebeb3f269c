package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.job.JobService;
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

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The attempts of jobs, as the workers' runners report them. */
@Controller("/storage/v1/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
class JobController {
    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    /** 409 when the job is already final. */
    @Post("/{jobId}/attempts")
    @Secured(Scopes.WRITE)
    JobView startAttempt(@PathVariable UUID jobId, @Body @Valid AttemptBody body) {
        return JobView.of(jobs.startAttempt(jobId, body.lease()));
    }

    /** A job already final is left as it is and answered as it is. */
    @Put("/{jobId}/outcome")
    @Secured(Scopes.WRITE)
    JobView endAttempt(@PathVariable UUID jobId, @Body @Valid OutcomeBody body) {
        return JobView.of(jobs.endAttempt(jobId, body.toOutcome()));
    }

    /** Running jobs whose lease has passed: their runner vanished. */
    @Get("/stale")
    @Secured(Scopes.READ)
    JobList stale(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new JobList(jobs.stale(limit).stream().map(JobView::of).toList());
    }
}
