package io.atoll.cell.workers.runner.kubernetes;

import io.atoll.cell.workers.domain.job.JobLaunch;
import io.atoll.cell.workers.domain.job.JobRun;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.launch;
import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner's conversation with the Kubernetes API: create the Job, watch it to its end, read the pod's log, delete
 * the Job. The API server is fabric8's mock server (kubernetes-server-mock in CRUD mode), an in-process stand-in that
 * stores and watches objects like the real one but runs nothing: {@link JobController} plays the Job controller and
 * the kubelet. No cluster is involved; what a real cluster does with the Job is not tested here.
 */
class KubernetesJobRunnerIT {
    private static final String RESULT = "{\"thumbnails\":[{\"name\":\"thumb-160.jpg\",\"width\":160,\"height\":107,\"bytes\":4211}]}";

    private KubernetesMockServer server;
    private KubernetesClient client;
    private JobController kubernetes;

    @BeforeEach
    void startTheMockApiServer() {
        // CRUD mode (objects are stored, listed and watched), and answers set with expect() for what CRUD lacks (logs).
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations, new KubernetesMixedDispatcher(expectations), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        kubernetes = new JobController(server, client);
    }

    @AfterEach
    void stopIt() {
        client.close();
        server.destroy();
    }

    @Test
    void aJobThatSucceedsGivesItsResultAndIsDeleted() throws Exception {
        JobLaunch launch = launch("photo-thumbnails", "{\"input\":\"/work/original\",\"sizes\":[160]}", Duration.ofSeconds(60));
        CompletableFuture<JobRun> run = runInBackground(runner(settings()), launch);

        Job created = kubernetes.awaitCreated(KubernetesJobTemplate.nameOf(launch));
        assertThat(created.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValue())
                .isEqualTo("{\"input\":\"/work/original\",\"sizes\":[160]}");
        kubernetes.ranPod(created, 0, "reading /work/original\n" + RESULT + "\n1 thumbnail written\n");
        kubernetes.complete(created.getMetadata().getName());

        JobRun ended = run.get(20, TimeUnit.SECONDS);
        assertThat(ended.outcome()).isEqualTo(JobRun.Outcome.EXITED);
        assertThat(ended.exitCode()).isZero();
        assertThat(ended.stdout()).isEqualTo(RESULT);
        assertThat(ended.stderr()).isEqualTo("reading /work/original\n1 thumbnail written\n");
        assertThat(kubernetes.job(created.getMetadata().getName())).as("deleted").isNull();
    }

    @Test
    void aJobThatFailsGivesItsExitCodeAndStandardError() throws Exception {
        JobLaunch launch = launch("photo-inspection", "{\"input\":\"/work/missing\"}", Duration.ofSeconds(60));
        CompletableFuture<JobRun> run = runInBackground(runner(settings()), launch);

        Job created = kubernetes.awaitCreated(KubernetesJobTemplate.nameOf(launch));
        kubernetes.ranPod(created, 2, "bad input: /work/missing does not exist\n");
        kubernetes.fail(created.getMetadata().getName(), "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        JobRun ended = run.get(20, TimeUnit.SECONDS);
        assertThat(ended.outcome()).isEqualTo(JobRun.Outcome.FAILED);
        assertThat(ended.exitCode()).isEqualTo(2);
        assertThat(ended.stdout()).isEmpty();
        assertThat(ended.stderr()).isEqualTo("bad input: /work/missing does not exist\n"
                + "Kubernetes: BackoffLimitExceeded: Job has reached the specified backoff limit\n");
        assertThat(kubernetes.job(created.getMetadata().getName())).as("deleted").isNull();
    }

    @Test
    void aJobPastItsDeadlineTimedOut() throws Exception {
        JobLaunch launch = launch("sleep", "{\"seconds\":600}", Duration.ofSeconds(5));
        CompletableFuture<JobRun> run = runInBackground(runner(settings()), launch);

        Job created = kubernetes.awaitCreated(KubernetesJobTemplate.nameOf(launch));
        assertThat(created.getSpec().getActiveDeadlineSeconds()).isEqualTo(5L);
        kubernetes.fail(created.getMetadata().getName(), "DeadlineExceeded", "Job was active longer than specified deadline");

        JobRun ended = run.get(20, TimeUnit.SECONDS);
        assertThat(ended.outcome()).isEqualTo(JobRun.Outcome.TIMED_OUT);
        assertThat(ended.exitCode()).isNull();
        assertThat(ended.stderr()).contains("DeadlineExceeded");
        assertThat(kubernetes.job(created.getMetadata().getName())).as("deleted").isNull();
    }

    @Test
    void aJobKubernetesNeverReportsOnIsStoppedAfterItsTimeoutAndTheGrace() throws Exception {
        JobLaunch launch = launch("noop", "{}", Duration.ofSeconds(5));
        long start = System.nanoTime();
        CompletableFuture<JobRun> run = runInBackground(runner(settings(Duration.ofSeconds(1))), launch);

        Job created = kubernetes.awaitCreated(KubernetesJobTemplate.nameOf(launch));
        JobRun ended = run.get(20, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(ended.outcome()).isEqualTo(JobRun.Outcome.TIMED_OUT);
        assertThat(ended.stderr()).contains("Kubernetes reported no end of Job " + created.getMetadata().getName());
        assertThat(kubernetes.job(created.getMetadata().getName())).as("deleted").isNull();
    }

    @Test
    void anAttemptWhoseJobAlreadyExistsWaitsForThatJob() throws Exception {
        JobLaunch launch = launch("noop", "{}", Duration.ofSeconds(30));
        Job earlier = new KubernetesJobTemplate(settings()).jobFor(launch, JobController.NAMESPACE);
        client.batch().v1().jobs().inNamespace(JobController.NAMESPACE).resource(earlier).create();
        CompletableFuture<JobRun> run = runInBackground(runner(settings()), launch);

        kubernetes.ranPod(earlier, 0, "{}\n");
        kubernetes.complete(earlier.getMetadata().getName());

        JobRun ended = run.get(20, TimeUnit.SECONDS);
        assertThat(ended.outcome()).isEqualTo(JobRun.Outcome.EXITED);
        assertThat(ended.stdout()).isEqualTo("{}");
    }

    @Test
    void aWorkerThatIsInterruptedDeletesItsJob() throws Exception {
        JobLaunch launch = launch("sleep", "{\"seconds\":60}", Duration.ofSeconds(90));
        KubernetesJobRunner runner = runner(settings());
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                runner.run(launch);
                thrown.complete(null);
            } catch (Throwable failure) {
                thrown.complete(failure);
            }
        });
        worker.start();

        String name = kubernetes.awaitCreated(KubernetesJobTemplate.nameOf(launch)).getMetadata().getName();
        worker.interrupt();

        assertThat(thrown.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> kubernetes.job(name) == null);
    }

    @Test
    void aKindThatCannotBeAProgramFailsWithoutAJob() throws Exception {
        JobRun ended = runner(settings()).run(launch("Not A Kind", "{}", Duration.ofSeconds(30)));

        assertThat(ended.outcome()).isEqualTo(JobRun.Outcome.FAILED);
        assertThat(ended.exitCode()).isNull();
        assertThat(ended.stderr()).startsWith("not started: ");
        assertThat(client.batch().v1().jobs().inNamespace(JobController.NAMESPACE).list().getItems()).isEmpty();
    }

    private KubernetesJobRunner runner(KubernetesRunnerSettings settings) {
        return new KubernetesJobRunner(client, settings, ObjectMapper.getDefault());
    }

    private static CompletableFuture<JobRun> runInBackground(KubernetesJobRunner runner, JobLaunch launch) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(launch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        });
    }
}
