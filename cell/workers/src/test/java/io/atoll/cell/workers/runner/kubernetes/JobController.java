package io.atoll.cell.workers.runner.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Plays, on fabric8's mock API server, the parts of Kubernetes that the mock does not have: the Job controller (it
 * makes the pod and sets the Job's conditions) and the kubelet (the pod's exit code and its log).
 */
final class JobController {
    static final String NAMESPACE = "atoll-eu-west-1";

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    JobController(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    Job awaitCreated(String name) {
        await().atMost(Duration.ofSeconds(10)).until(() -> job(name) != null);
        return job(name);
    }

    Job job(String name) {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).get();
    }

    /** The pod of the Job, ended with this exit code after writing this log. */
    void ranPod(Job job, int exitCode, String log) {
        String name = job.getMetadata().getName() + "-x7k2q";
        Pod pod = new PodBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(NAMESPACE)
                    .withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                    .addToLabels("batch.kubernetes.io/job-name", job.getMetadata().getName())
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus()
                    .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                    .withContainerStatuses(new ContainerStatusBuilder()
                            .withName(KubernetesJobTemplate.CONTAINER)
                            .withNewState().withNewTerminated().withExitCode(exitCode).withReason(exitCode == 0 ? "Completed" : "Error")
                            .endTerminated().endState()
                            .build())
                .endStatus()
                .build();
        client.pods().inNamespace(NAMESPACE).resource(pod).create();
        server.expect().get()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + name + "/log?pretty=false&container=job&tailLines=5000")
                .andReturn(200, log)
                .always();
    }

    void complete(String name) {
        setCondition(name, "Complete", "CompletionsReached", "Reached expected number of succeeded pods");
    }

    void fail(String name, String reason, String message) {
        setCondition(name, "Failed", reason, message);
    }

    private void setCondition(String name, String type, String reason, String message) {
        client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).editStatus(job -> new JobBuilder(job)
                .withNewStatus()
                    .addToConditions(new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message).build())
                .endStatus()
                .build());
    }
}
