package io.atoll.cell.workers.domain.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What a runner needs to start one attempt of a job.
 *
 * @param kind the job program to run (see cell/jobs: photo-thumbnails, photo-inspection, repository-scan, ...)
 * @param specJson the job's spec, one JSON object, given to the program on its standard input
 * @param timeout the job is stopped, with everything it started, once it has run this long (5 s to 30 min)
 * @param workDir a folder of the attempt's own, where the program finds its inputs and leaves its outputs
 */
public record JobLaunch(UUID jobId, int attempt, String kind, String specJson, Duration timeout, Path workDir) {
    public static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(30);

    public JobLaunch {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(specJson, "specJson is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(workDir, "workDir is null");
        if (timeout.compareTo(SHORTEST_TIMEOUT) < 0 || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("a job's timeout must be between 5 s and 30 min, not " + timeout);
        }
    }
}
