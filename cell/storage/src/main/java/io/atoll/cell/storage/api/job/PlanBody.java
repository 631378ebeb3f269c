package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.PlannedJob;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The jobs a request is planned into. */
@Serdeable
public record PlanBody(@NotNull @Size(max = 1000) List<@Valid @NotNull Job> jobs) {
    /**
     * One job of the plan.
     *
     * @param id chosen by the planner, the same when the plan is sent again
     * @param kind the job program to run
     * @param timeoutSeconds how long one attempt may run
     * @param spec what the program reads on its stdin
     */
    @Serdeable
    public record Job(@NotNull UUID id, @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String kind,
                      @NotNull @Min(5) @Max(1800) Integer timeoutSeconds, @NotNull Map<String, Object> spec) {
        PlannedJob toPlannedJob() {
            return new PlannedJob(id, kind, timeoutSeconds, spec);
        }
    }

    List<PlannedJob> toPlannedJobs() {
        return jobs.stream().map(Job::toPlannedJob).toList();
    }
}
