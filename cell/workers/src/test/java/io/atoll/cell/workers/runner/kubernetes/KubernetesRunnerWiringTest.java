package io.atoll.cell.workers.runner.kubernetes;

import io.atoll.cell.workers.domain.job.JobRunner;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes runner is the application's runner exactly when chosen, with the documented defaults. */
class KubernetesRunnerWiringTest {
    @Test
    void choosingKubernetesMakesItTheRunnerWithTheDocumentedDefaults() {
        // The broker is not what this test is about; the module's listeners stay unconnected.
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "rabbitmq.enabled", false,
                "atoll.workers.runner", "kubernetes",
                "atoll.workers.kubernetes.image", KubernetesRunnerFixtures.IMAGE,
                "atoll.workers.kubernetes.namespace", "atoll-eu-west-1"))) {
            assertThat(context.getBean(JobRunner.class)).isInstanceOf(KubernetesJobRunner.class);
            assertThat(context.getBean(KubernetesRunnerSettings.class)).isEqualTo(KubernetesRunnerFixtures.settings());
        }
    }

    @Test
    void otherwiseItIsNotMade() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("rabbitmq.enabled", false))) {
            assertThat(context.findBean(KubernetesJobRunner.class)).isEmpty();
        }
    }
}
