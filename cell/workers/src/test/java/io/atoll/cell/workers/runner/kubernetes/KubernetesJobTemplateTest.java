package io.atoll.cell.workers.runner.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.IMAGE;
import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.JOB_ID;
import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.launch;
import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesJobTemplateTest {
    private static final String SPEC = "{\"input\":\"/var/lib/atoll/jobs/x/original\",\"sizes\":[160,480]}";

    private final KubernetesJobTemplate template = new KubernetesJobTemplate(settings());
    private final Job job = template.jobFor(launch("photo-thumbnails", SPEC, Duration.ofSeconds(90)), "atoll-eu-west-1");
    private final PodSpec pod = job.getSpec().getTemplate().getSpec();
    private final Container container = pod.getContainers().get(0);

    @Test
    void isABatchV1JobNamedForTheJobAndAttempt() {
        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getKind()).isEqualTo("Job");
        assertThat(job.getMetadata().getName()).isEqualTo("atoll-job-" + JOB_ID + "-2").hasSizeLessThanOrEqualTo(63)
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("atoll-eu-west-1");
    }

    @Test
    void theJobAndItsPodAreLabelledForFindingThem() {
        Map<String, String> expected = Map.of(
                "app.kubernetes.io/name", "atoll-job",
                "app.kubernetes.io/component", "job",
                "app.kubernetes.io/part-of", "atoll",
                "app.kubernetes.io/managed-by", "atoll-workers",
                "atoll.io/job-id", JOB_ID.toString(),
                "atoll.io/attempt", "2",
                "atoll.io/job-kind", "photo-thumbnails");
        assertThat(job.getMetadata().getLabels()).isEqualTo(expected);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(expected);
    }

    @Test
    void kubernetesNeitherRetriesNorOutlivesTheTimeout() {
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(90L);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void aTimeoutWithAFractionOfASecondIsRoundedUp() {
        Job fractional = template.jobFor(launch("noop", "{}", Duration.ofMillis(5_200)), "ns");

        assertThat(fractional.getSpec().getActiveDeadlineSeconds()).isEqualTo(6L);
    }

    @Test
    void theJobProgramGetsTheSpecOnItsStandardInput() {
        assertThat(container.getImage()).isEqualTo(IMAGE);
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getCommand()).containsExactly("sh", "-c",
                "printf '%s' \"$ATOLL_JOB_SPEC\" | java -XX:MaxRAMPercentage=75 -jar \"$1\" \"$2\"",
                "atoll-job", "/app/atoll-jobs.jar", "photo-thumbnails");
        assertThat(container.getArgs()).isEmpty();
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("ATOLL_JOB_SPEC", SPEC),
                org.assertj.core.groups.Tuple.tuple("ATOLL_JOB_ID", JOB_ID.toString()),
                org.assertj.core.groups.Tuple.tuple("ATOLL_JOB_ATTEMPT", "2"));
        assertThat(container.getWorkingDir()).isEqualTo("/work");
    }

    @Test
    void requestsAndLimitsComeFromTheSettings() {
        assertThat(container.getResources().getRequests()).isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")));
        assertThat(container.getResources().getLimits()).isEqualTo(Map.of("cpu", new Quantity("1"), "memory", new Quantity("512Mi")));
    }

    @Test
    void runsWithoutPrivilegesOrCredentials() {
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(pod.getServiceAccountName()).isNull();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getCapabilities().getAdd()).isEmpty();
    }

    @Test
    void writesOnlyToItsScratchFolderAndTmp() {
        assertThat(pod.getVolumes()).extracting(Volume::getName).containsExactly("work", "tmp");
        assertThat(pod.getVolumes().get(0).getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("1Gi"));
        assertThat(pod.getVolumes().get(1).getEmptyDir()).isNotNull();
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple("work", "/work"),
                org.assertj.core.groups.Tuple.tuple("tmp", "/tmp"));
    }

    @Test
    void aSharedVolumeIsMountedWhereTheWorkersHaveItAndTheJobRunsInItsAttemptsFolder() {
        KubernetesJobTemplate shared = new KubernetesJobTemplate(settings("atoll-jobs", "/var/lib/atoll/jobs"));
        Job sharing = shared.jobFor(launch("photo-inspection", "{}", Duration.ofSeconds(30)), "ns");
        PodSpec sharingPod = sharing.getSpec().getTemplate().getSpec();

        assertThat(sharingPod.getVolumes().get(2).getName()).isEqualTo("shared");
        assertThat(sharingPod.getVolumes().get(2).getPersistentVolumeClaim().getClaimName()).isEqualTo("atoll-jobs");
        assertThat(sharingPod.getContainers().get(0).getVolumeMounts().get(2).getMountPath()).isEqualTo("/var/lib/atoll/jobs");
        assertThat(sharingPod.getContainers().get(0).getWorkingDir()).isEqualTo("/var/lib/atoll/jobs/" + JOB_ID + "-2");
    }

    @Test
    void aSharedVolumeNeedsAPath() {
        assertThatThrownBy(() -> settings("atoll-jobs", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shared-volume-path");
    }

    @Test
    void aKindThatCannotNameAProgramIsRefused() {
        for (String kind : new String[] {"Photo", "photo thumbnails", "-photo", "photo;rm -rf /", ""}) {
            assertThatThrownBy(() -> template.jobFor(launch(kind, "{}", Duration.ofSeconds(30)), "ns"))
                    .as(kind).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
