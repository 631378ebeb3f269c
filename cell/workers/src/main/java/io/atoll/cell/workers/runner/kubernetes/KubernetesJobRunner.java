package io.atoll.cell.workers.runner.kubernetes;

import io.atoll.cell.workers.domain.job.JobLaunch;
import io.atoll.cell.workers.domain.job.JobRun;
import io.atoll.cell.workers.domain.job.JobRunner;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Runs each attempt of a job as a Kubernetes Job ({@link KubernetesJobTemplate}): creates it, waits until Kubernetes
 * reports it complete or failed (its deadline is the job's timeout), reads the result from its pod's log, and deletes
 * it with its pod. A Job that already exists for the attempt (a worker that died and took the attempt up again) is
 * waited for rather than created twice.
 */
@Singleton
@Requires(property = KubernetesJobRunner.RUNNER_PROPERTY, value = KubernetesJobRunner.RUNNER_VALUE)
final class KubernetesJobRunner implements JobRunner {
    static final String RUNNER_PROPERTY = "atoll.workers.runner";
    static final String RUNNER_VALUE = "kubernetes";
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesJobRunner.class);

    private final KubernetesClient client;
    private final KubernetesRunnerSettings settings;
    private final KubernetesJobTemplate template;
    private final JsonMapper json;
    private final String namespace;

    KubernetesJobRunner(KubernetesClient client, KubernetesRunnerSettings settings, JsonMapper json) {
        this.client = requireNonNull(client, "client is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.json = requireNonNull(json, "json is null");
        this.template = new KubernetesJobTemplate(settings);
        this.namespace = settings.namespace() != null && !settings.namespace().isBlank()
                ? settings.namespace()
                : Optional.ofNullable(client.getNamespace()).orElse("default");
    }

    @Override
    public JobRun run(JobLaunch launch) throws InterruptedException {
        long started = System.nanoTime();
        Job job;
        try {
            job = template.jobFor(launch, namespace);
        } catch (IllegalArgumentException unrunnable) {
            return new JobRun(JobRun.Outcome.FAILED, null, "", "not started: " + unrunnable.getMessage() + "\n", since(started));
        }
        String name = job.getMetadata().getName();
        ScalableResource<Job> resource = client.batch().v1().jobs().inNamespace(namespace).withName(name);
        try {
            submit(job);
            Optional<Job> ended = awaitEnd(resource, name, launch);
            return ended.map(end -> outcome(launch, end, since(started)))
                    .orElseGet(() -> unreported(launch, name, since(started)));
        } finally {
            delete(resource, name);
        }
    }

    private void submit(Job job) {
        String name = job.getMetadata().getName();
        try {
            client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
            LOG.info("created Kubernetes Job {} in {}", name, namespace);
        } catch (KubernetesClientException refused) {
            if (refused.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                LOG.info("Kubernetes Job {} in {} already exists; waiting for it instead", name, namespace);
                return;
            }
            throw new KubernetesRunnerException("could not create Kubernetes Job " + name + " in " + namespace + ": " + refused.getMessage(), refused);
        }
    }

    /** The Job once it has ended; empty when Kubernetes reported no end by the job's timeout and the grace after it. */
    private Optional<Job> awaitEnd(ScalableResource<Job> resource, String name, JobLaunch launch) throws InterruptedException {
        long limit = launch.timeout().plus(settings.startGrace()).toMillis();
        Job job;
        try {
            job = resource.waitUntilCondition(current -> current == null || end(current).isPresent(), limit, TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException unreported) {
            return Optional.empty();
        } catch (KubernetesClientException lost) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for Kubernetes Job " + name);
            }
            throw new KubernetesRunnerException("lost track of Kubernetes Job " + name + " in " + namespace + ": " + lost.getMessage(), lost);
        }
        if (job == null) {
            throw new KubernetesRunnerException("the Kubernetes Job of job " + launch.jobId() + " attempt " + launch.attempt()
                    + " was deleted by someone else before it ended");
        }
        return Optional.of(job);
    }

    private JobRun outcome(JobLaunch launch, Job job, Duration took) {
        JobCondition end = end(job).orElseThrow();
        Optional<Pod> pod = podOf(launch);
        ContainerLog log = ContainerLog.of(pod.map(this::logOf).orElse(""), json);
        if (end.getType().equals("Complete")) {
            return new JobRun(JobRun.Outcome.EXITED, 0, log.stdout(), log.stderr(), took);
        }
        String why = "Kubernetes: " + end.getReason() + ": " + end.getMessage() + "\n";
        if ("DeadlineExceeded".equals(end.getReason())) {
            return new JobRun(JobRun.Outcome.TIMED_OUT, null, log.stdout(), log.stderr() + why, took);
        }
        Integer exitCode = pod.flatMap(KubernetesJobRunner::exitCodeOf).orElse(null);
        return new JobRun(JobRun.Outcome.FAILED, exitCode, log.stdout(), log.stderr() + why, took);
    }

    /** Kubernetes said nothing in time (a cluster that cannot schedule the pod, a lost watch): stopped as timed out. */
    private JobRun unreported(JobLaunch launch, String name, Duration took) {
        String log = podOf(launch).map(this::logOf).orElse("");
        ContainerLog split = ContainerLog.of(log, json);
        return new JobRun(JobRun.Outcome.TIMED_OUT, null, split.stdout(), split.stderr() + "Kubernetes reported no end of Job " + name
                + " within " + launch.timeout().plus(settings.startGrace()) + " (timeout and start grace); it was stopped\n", took);
    }

    /** Complete or Failed, once Kubernetes has set either (the conditions that come before them do not count). */
    private static Optional<JobCondition> end(Job job) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(condition -> "True".equals(condition.getStatus()))
                .filter(condition -> condition.getType().equals("Complete") || condition.getType().equals("Failed"))
                .findFirst();
    }

    /** The attempt's pod; with no retries by Kubernetes there is one, unless it was never made or already removed. */
    private Optional<Pod> podOf(JobLaunch launch) {
        try {
            List<Pod> pods = client.pods().inNamespace(namespace)
                    .withLabel(KubernetesJobTemplate.JOB_ID_LABEL, launch.jobId().toString())
                    .withLabel(KubernetesJobTemplate.ATTEMPT_LABEL, Integer.toString(launch.attempt()))
                    .list().getItems();
            return pods.stream().max(Comparator.comparing(pod -> pod.getMetadata().getCreationTimestamp(),
                    Comparator.nullsFirst(Comparator.naturalOrder())));
        } catch (KubernetesClientException unlisted) {
            LOG.warn("could not list the pods of job {} attempt {}: {}", launch.jobId(), launch.attempt(), unlisted.getMessage());
            return Optional.empty();
        }
    }

    private String logOf(Pod pod) {
        String name = pod.getMetadata().getName();
        try {
            String log = client.pods().inNamespace(namespace).withName(name)
                    .inContainer(KubernetesJobTemplate.CONTAINER)
                    .tailingLines(settings.logTailLines())
                    .getLog();
            return log == null ? "" : log;
        } catch (KubernetesClientException unreadable) {
            return "(the log of pod " + name + " could not be read: " + unreadable.getMessage() + ")\n";
        }
    }

    private static Optional<Integer> exitCodeOf(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(status -> KubernetesJobTemplate.CONTAINER.equals(status.getName()))
                .map(ContainerStatus::getState)
                .filter(state -> state != null && state.getTerminated() != null)
                .map(ContainerState::getTerminated)
                .map(ContainerStateTerminated::getExitCode)
                .findFirst();
    }

    /** Deletes the Job and, in the background, its pod; Kubernetes' TTL removes what a failed delete leaves. */
    private void delete(ScalableResource<Job> resource, String name) {
        try {
            resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException failed) {
            LOG.warn("could not delete Kubernetes Job {} in {}; Kubernetes removes it {} after it ended: {}",
                    name, namespace, settings.ttlAfterFinished(), failed.getMessage());
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
