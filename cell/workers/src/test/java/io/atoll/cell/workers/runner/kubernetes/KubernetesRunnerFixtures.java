package io.atoll.cell.workers.runner.kubernetes;

import io.atoll.cell.workers.domain.job.JobLaunch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Settings and launches as the application would make them. */
final class KubernetesRunnerFixtures {
    static final String IMAGE = "registry.example.com/atoll/jobs:1.4.2";
    static final UUID JOB_ID = UUID.fromString("5d6c1f1e-8b0a-4f62-9a53-2b1e6a3f0c77");

    private KubernetesRunnerFixtures() {
    }

    /** The documented defaults, with an image and a namespace. */
    static KubernetesRunnerSettings settings() {
        return settings(null, null);
    }

    static KubernetesRunnerSettings settings(String sharedVolumeClaim, String sharedVolumePath) {
        return settings(Duration.ofMinutes(2), sharedVolumeClaim, sharedVolumePath);
    }

    /** The defaults, but waiting only this long past a job's timeout for Kubernetes to report its end. */
    static KubernetesRunnerSettings settings(Duration startGrace) {
        return settings(startGrace, null, null);
    }

    private static KubernetesRunnerSettings settings(Duration startGrace, String sharedVolumeClaim, String sharedVolumePath) {
        return new KubernetesRunnerSettings("atoll-eu-west-1", IMAGE, "IfNotPresent", "/app/atoll-jobs.jar", null, 10001, 10001,
                "250m", "1", "256Mi", "512Mi", "1Gi", Duration.ofMinutes(10), startGrace, 5000,
                sharedVolumeClaim, sharedVolumePath);
    }

    static JobLaunch launch(String kind, String specJson, Duration timeout) {
        return new JobLaunch(JOB_ID, 2, kind, specJson, timeout, Path.of("/var/lib/atoll/jobs/" + JOB_ID + "-2"));
    }
}
