package io.atoll.cell.workers.runner.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The client the Kubernetes runner talks to the cluster with. It configures itself the standard way: in a pod from
 * its service account, elsewhere from the kubeconfig (KUBECONFIG, ~/.kube/config) or the KUBERNETES_* variables.
 */
@Factory
@Requires(property = KubernetesJobRunner.RUNNER_PROPERTY, value = KubernetesJobRunner.RUNNER_VALUE)
final class KubernetesClientFactory {
    @Singleton
    @Bean(preDestroy = "close")
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }
}
