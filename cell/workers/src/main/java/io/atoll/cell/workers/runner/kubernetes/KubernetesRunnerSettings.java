package io.atoll.cell.workers.runner.kubernetes;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * How jobs run as Kubernetes Jobs (atoll.workers.runner = kubernetes).
 *
 * @param namespace where the Jobs are created; when absent, the client's own namespace (in a pod: the workers' own)
 * @param image the image holding the job programs (cell/jobs' JAR) and a Java runtime
 * @param imagePullPolicy Always, IfNotPresent or Never
 * @param jobsJar where the job programs' JAR lies inside the image
 * @param serviceAccountName the Jobs' service account; the namespace's default when absent (its token is never mounted)
 * @param runAsUser the numeric user the job runs as; never root
 * @param runAsGroup its group, also the owner of the volumes it writes
 * @param cpuRequest CPU the scheduler reserves for one job, as a Kubernetes quantity
 * @param cpuLimit CPU one job may use at most
 * @param memoryRequest memory the scheduler reserves for one job
 * @param memoryLimit memory one job may use at most; the job's Java heap is sized from it
 * @param scratchSize the most the job may write to its scratch folder /work
 * @param ttlAfterFinished how long Kubernetes keeps a finished Job the runner could not delete itself
 * @param startGrace how long past a job's timeout the runner waits for Kubernetes to report its end (scheduling and
 *        pulling the image count towards the timeout, but a cluster that reports nothing must not hold a worker forever)
 * @param logTailLines how many lines of the job's log are read at its end; the result is the last JSON line
 * @param sharedVolumeClaim a ReadWriteMany PersistentVolumeClaim that the workers also mount, where jobs find their
 *        inputs and leave their outputs; without one, jobs see only their own scratch folder
 * @param sharedVolumePath where that claim is mounted, in the workers and in every job alike
 */
@ConfigurationProperties("atoll.workers.kubernetes")
public record KubernetesRunnerSettings(
        @Nullable String namespace,
        @NotBlank String image,
        @Bindable(defaultValue = "IfNotPresent") @NotNull @Pattern(regexp = "Always|IfNotPresent|Never") String imagePullPolicy,
        @Bindable(defaultValue = "/app/atoll-jobs.jar") @NotBlank String jobsJar,
        @Nullable String serviceAccountName,
        @Bindable(defaultValue = "10001") @Min(1) long runAsUser,
        @Bindable(defaultValue = "10001") @Min(1) long runAsGroup,
        @Bindable(defaultValue = "250m") @NotBlank String cpuRequest,
        @Bindable(defaultValue = "1") @NotBlank String cpuLimit,
        @Bindable(defaultValue = "256Mi") @NotBlank String memoryRequest,
        @Bindable(defaultValue = "512Mi") @NotBlank String memoryLimit,
        @Bindable(defaultValue = "1Gi") @NotBlank String scratchSize,
        @Bindable(defaultValue = "10m") @NotNull Duration ttlAfterFinished,
        @Bindable(defaultValue = "2m") @NotNull Duration startGrace,
        @Bindable(defaultValue = "5000") @Min(1) int logTailLines,
        @Nullable String sharedVolumeClaim,
        @Nullable String sharedVolumePath) {

    public KubernetesRunnerSettings {
        if (sharedVolumeClaim != null && !sharedVolumeClaim.isBlank() && (sharedVolumePath == null || !sharedVolumePath.startsWith("/"))) {
            throw new IllegalArgumentException("atoll.workers.kubernetes.shared-volume-path must be an absolute path"
                    + " when shared-volume-claim is set");
        }
    }

    boolean sharesVolume() {
        return sharedVolumeClaim != null && !sharedVolumeClaim.isBlank();
    }
}
