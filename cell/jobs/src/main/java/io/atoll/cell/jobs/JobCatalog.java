package io.atoll.cell.jobs;

import io.atoll.cell.jobs.control.CrashJob;
import io.atoll.cell.jobs.control.NoopJob;
import io.atoll.cell.jobs.control.SleepJob;
import io.atoll.cell.jobs.photo.InspectionJob;
import io.atoll.cell.jobs.photo.ThumbnailsJob;
import io.atoll.cell.jobs.repository.RepositoryPlanJob;
import io.atoll.cell.jobs.repository.RepositoryScanJob;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/** The job programs by kind. */
public final class JobCatalog {
    private final Map<String, Job> jobsByKind;

    public JobCatalog(List<Job> jobs) {
        requireNonNull(jobs, "jobs is null");
        Map<String, Job> byKind = new TreeMap<>();
        for (Job job : jobs) {
            if (byKind.put(job.kind(), job) != null) {
                throw new IllegalArgumentException("two jobs of kind " + job.kind());
            }
        }
        this.jobsByKind = Map.copyOf(byKind);
    }

    /** Every kind this JAR runs. */
    public static JobCatalog standard() {
        return new JobCatalog(List.of(
                new ThumbnailsJob(),
                new InspectionJob(),
                new RepositoryPlanJob(),
                new RepositoryScanJob(),
                new NoopJob(),
                new SleepJob(),
                new CrashJob()));
    }

    public Optional<Job> job(String kind) {
        return Optional.ofNullable(jobsByKind.get(kind));
    }

    public SortedSet<String> kinds() {
        return new TreeSet<>(jobsByKind.keySet());
    }
}
