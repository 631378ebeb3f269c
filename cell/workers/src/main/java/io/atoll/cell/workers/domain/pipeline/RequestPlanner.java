package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.workers.domain.job.JobLaunch;
import io.atoll.cell.workers.domain.job.JobRun;
import io.atoll.cell.workers.domain.job.JobRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Plans a request into its jobs by kind. A photo gets its thumbnails and its inspection; a repository scan one job
 * per top-level directory of the commit, found by running the repository-plan program; a noop one noop job. A
 * request that can never be planned (an unknown kind, a spec without what its kind needs) is an
 * {@link UnprocessableException}.
 */
public final class RequestPlanner {
    /** A full or abbreviated hexadecimal commit id. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{4,64}");

    private final JobRunner runner;
    private final JsonCodec json;
    private final JobRuns runs;
    private final WorkDirectories workDirectories;
    private final JobTimeouts timeouts;
    private final List<Integer> thumbnailSizes;

    public RequestPlanner(JobRunner runner, JsonCodec json, WorkDirectories workDirectories, JobTimeouts timeouts, List<Integer> thumbnailSizes) {
        this.runner = requireNonNull(runner, "runner is null");
        this.json = requireNonNull(json, "json is null");
        this.runs = new JobRuns(json);
        this.workDirectories = requireNonNull(workDirectories, "workDirectories is null");
        this.timeouts = requireNonNull(timeouts, "timeouts is null");
        this.thumbnailSizes = List.copyOf(requireNonNull(thumbnailSizes, "thumbnailSizes is null"));
        if (this.thumbnailSizes.isEmpty()) {
            throw new IllegalArgumentException("at least one thumbnail size is needed");
        }
    }

    public List<PlannedJob> plan(JobRequest request) throws InterruptedException {
        return switch (request.kind()) {
            case JobKinds.PHOTO_REQUEST -> photo(request);
            case JobKinds.REPOSITORY_SCAN_REQUEST -> repositoryScan(request);
            case JobKinds.NOOP_REQUEST -> List.of(job(request, JobKinds.NOOP, JobKinds.NOOP, Map.of()));
            default -> throw new UnprocessableException("request " + request.id() + " is of the unknown kind \"" + request.kind() + "\"");
        };
    }

    private List<PlannedJob> photo(JobRequest request) {
        String uploadId = JsonValues.text(request.spec(), "uploadId")
                .orElseThrow(() -> new UnprocessableException("photo request " + request.id() + " names no uploadId in its spec"));
        return List.of(
                job(request, JobKinds.PHOTO_THUMBNAILS, JobKinds.PHOTO_THUMBNAILS, Map.of("uploadId", uploadId, "sizes", thumbnailSizes)),
                job(request, JobKinds.PHOTO_INSPECTION, JobKinds.PHOTO_INSPECTION, Map.of("uploadId", uploadId)));
    }

    private List<PlannedJob> repositoryScan(JobRequest request) throws InterruptedException {
        String repository = JsonValues.text(request.spec(), "repository")
                .orElseThrow(() -> new UnprocessableException("repository-scan request " + request.id() + " names no repository"));
        String commit = JsonValues.text(request.spec(), "commit").filter(value -> COMMIT.matcher(value).matches())
                .orElseThrow(() -> new UnprocessableException("repository-scan request " + request.id() + " names no hexadecimal commit"));
        List<String> directories = topLevelDirectories(request, repository, commit);
        List<PlannedJob> jobs = new ArrayList<>();
        for (String directory : directories) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("repository", repository);
            spec.put("commit", commit);
            spec.put("directory", directory);
            jobs.add(job(request, JobKinds.REPOSITORY_SCAN + ":" + directory, JobKinds.REPOSITORY_SCAN, spec));
        }
        return jobs;
    }

    private List<String> topLevelDirectories(JobRequest request, String repository, String commit) throws InterruptedException {
        Path workDir = workDirectories.create(request.id() + "-plan");
        try {
            Duration timeout = timeouts.of(JobKinds.REPOSITORY_PLAN);
            JobRun run = runner.run(new JobLaunch(PipelineIds.job(request.id(), JobKinds.REPOSITORY_PLAN), 1, JobKinds.REPOSITORY_PLAN,
                    json.write(Map.of("repository", repository, "commit", commit)), timeout, workDir));
            if (JobRuns.rejected(run)) {
                throw new UnprocessableException("the repository-plan program rejected request " + request.id() + ": " + JobRuns.lastLine(run.stderr()));
            }
            JobOutcome outcome = runs.outcome(run, timeout, true);
            if (!outcome.succeeded()) {
                throw new PlanningFailedException("the repository-plan program " + outcome.status() + " for request " + request.id() + ": "
                        + JobRuns.lastLine(outcome.stderr()));
            }
            return List.copyOf(new LinkedHashSet<>(JsonValues.texts(outcome.result(), "directories")));
        } finally {
            workDirectories.deleteQuietly(workDir);
        }
    }

    private PlannedJob job(JobRequest request, String name, String kind, Map<String, Object> spec) {
        return new PlannedJob(PipelineIds.job(request.id(), name), kind, (int) timeouts.of(kind).toSeconds(), spec);
    }
}
