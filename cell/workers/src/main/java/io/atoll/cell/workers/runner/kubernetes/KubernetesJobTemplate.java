package io.atoll.cell.workers.runner.kubernetes;

import io.atoll.cell.workers.domain.job.JobLaunch;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The Kubernetes Job one attempt of a job runs as: one container running the job program with the spec on its
 * standard input, as unprivileged as Kubernetes allows (non-root, read-only root file system, no capabilities, no
 * service account token, no privilege escalation), with its timeout as the Job's deadline and no retries by
 * Kubernetes (the pipeline decides about retries).
 */
final class KubernetesJobTemplate {
    static final String CONTAINER = "job";
    static final String SPEC_VARIABLE = "ATOLL_JOB_SPEC";
    static final String SCRATCH_PATH = "/work";
    static final String JOB_ID_LABEL = "atoll.io/job-id";
    static final String ATTEMPT_LABEL = "atoll.io/attempt";
    static final String KIND_LABEL = "atoll.io/job-kind";
    /**
     * The job program reads its spec from standard input; a container has none, so the shell hands it the spec from
     * the environment. Jar and kind come as arguments ($1, $2), never spliced into the script.
     */
    static final String SCRIPT = "printf '%s' \"$" + SPEC_VARIABLE + "\" | java -XX:MaxRAMPercentage=75 -jar \"$1\" \"$2\"";
    /** A kind becomes a label value and an argument: letters, digits and inner dashes only. */
    private static final Pattern KIND = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** Room for the JVM's own temporary files; the root file system is read-only. */
    private static final String TMP_SIZE = "64Mi";

    private final KubernetesRunnerSettings settings;

    KubernetesJobTemplate(KubernetesRunnerSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The Job's name: unique per job and attempt, so that an attempt that is started again finds its own Job. */
    static String nameOf(JobLaunch launch) {
        return "atoll-job-" + launch.jobId() + "-" + launch.attempt();
    }

    /**
     * @throws IllegalArgumentException when the launch's kind cannot name a job program
     */
    Job jobFor(JobLaunch launch, String namespace) {
        if (!KIND.matcher(launch.kind()).matches()) {
            throw new IllegalArgumentException("a job's kind is lower-case letters, digits and dashes, not '" + launch.kind() + "'");
        }
        Map<String, String> labels = labels(launch);
        return new JobBuilder()
                .withNewMetadata()
                    .withName(nameOf(launch))
                    .withNamespace(namespace)
                    .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(deadlineSeconds(launch))
                    .withTtlSecondsAfterFinished(Math.toIntExact(settings.ttlAfterFinished().toSeconds()))
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withSpec(podSpec(launch))
                    .endTemplate()
                .endSpec()
                .build();
    }

    private PodSpec podSpec(JobLaunch launch) {
        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                    .withRunAsNonRoot(true)
                    .withRunAsUser(settings.runAsUser())
                    .withRunAsGroup(settings.runAsGroup())
                    .withFsGroup(settings.runAsGroup())
                    .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withContainers(container(launch))
                .withVolumes(volumes());
        if (settings.serviceAccountName() != null && !settings.serviceAccountName().isBlank()) {
            pod.withServiceAccountName(settings.serviceAccountName());
        }
        return pod.build();
    }

    private Container container(JobLaunch launch) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(settings.image())
                .withImagePullPolicy(settings.imagePullPolicy())
                .withCommand("sh", "-c", SCRIPT, "atoll-job", settings.jobsJar(), launch.kind())
                .withWorkingDir(settings.sharesVolume() ? launch.workDir().toString() : SCRATCH_PATH)
                .addNewEnv().withName(SPEC_VARIABLE).withValue(launch.specJson()).endEnv()
                .addNewEnv().withName("ATOLL_JOB_ID").withValue(launch.jobId().toString()).endEnv()
                .addNewEnv().withName("ATOLL_JOB_ATTEMPT").withValue(Integer.toString(launch.attempt())).endEnv()
                .withNewResources()
                    .withRequests(Map.of("cpu", new Quantity(settings.cpuRequest()), "memory", new Quantity(settings.memoryRequest())))
                    .withLimits(Map.of("cpu", new Quantity(settings.cpuLimit()), "memory", new Quantity(settings.memoryLimit())))
                .endResources()
                .withNewSecurityContext()
                    .withRunAsNonRoot(true)
                    .withReadOnlyRootFilesystem(true)
                    .withAllowPrivilegeEscalation(false)
                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .withVolumeMounts(volumeMounts())
                .build();
    }

    private List<Volume> volumes() {
        List<Volume> volumes = new ArrayList<>(List.of(
                new VolumeBuilder().withName("work").withNewEmptyDir().withSizeLimit(new Quantity(settings.scratchSize())).endEmptyDir().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity(TMP_SIZE)).endEmptyDir().build()));
        if (settings.sharesVolume()) {
            volumes.add(new VolumeBuilder().withName("shared")
                    .withNewPersistentVolumeClaim().withClaimName(settings.sharedVolumeClaim()).endPersistentVolumeClaim()
                    .build());
        }
        return volumes;
    }

    private List<VolumeMount> volumeMounts() {
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                mount("work", SCRATCH_PATH), mount("tmp", "/tmp")));
        if (settings.sharesVolume()) {
            mounts.add(mount("shared", settings.sharedVolumePath()));
        }
        return mounts;
    }

    private static VolumeMount mount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
    }

    private static Map<String, String> labels(JobLaunch launch) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "atoll-job");
        labels.put("app.kubernetes.io/component", "job");
        labels.put("app.kubernetes.io/part-of", "atoll");
        labels.put("app.kubernetes.io/managed-by", "atoll-workers");
        labels.put(JOB_ID_LABEL, launch.jobId().toString());
        labels.put(ATTEMPT_LABEL, Integer.toString(launch.attempt()));
        labels.put(KIND_LABEL, launch.kind());
        return labels;
    }

    /** Whole seconds, never shorter than the timeout. */
    private static long deadlineSeconds(JobLaunch launch) {
        Duration timeout = launch.timeout();
        return timeout.getNano() == 0 ? timeout.getSeconds() : timeout.getSeconds() + 1;
    }
}
