package io.atoll.cell.workers;

import io.atoll.cell.workers.support.Photos;
import io.atoll.cell.workers.support.PipelineUnderTest;
import io.atoll.cell.workers.support.StorageApi;
import io.micronaut.runtime.server.EmbeddedServer;
import io.atoll.cell.workers.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.atoll.cell.workers.support.JsonViews.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workers go away in the middle of a job and nothing is lost: one stopped (scaling to zero, a rollout) gives its job
 * back and leaves no process behind; one that vanished (killed, its node gone) has its job taken over by the reaper
 * once its lease has passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerLossIT {
    private final PipelineUnderTest pipeline = PipelineUnderTest.start("workers_loss");
    private final StorageApi storage = pipeline.api();

    @AfterAll
    void stop() {
        pipeline.close();
    }

    @Test
    void aJobStillRunningWhenItsWorkerStopsIsStoppedAndRunsAgainOnTheNextWorker() throws IOException {
        Files.deleteIfExists(pipeline.slowProcesses());
        EmbeddedServer first = pipeline.startWorkers(true, Map.of());
        byte[] photo = Photos.withMarker(Photos.jpeg(640, 480, 3), PipelineUnderTest.SLOW_INSPECTION);
        UUID request = storage.requestOfUpload(storage.upload(UUID.randomUUID().toString(), photo));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(pipeline.slowProcesses()) && Files.size(pipeline.slowProcesses()) > 0);
        List<Long> inspectionProcesses = Arrays.stream(Files.readString(pipeline.slowProcesses()).trim().split("\\s+")).map(Long::parseLong).toList();

        long stopping = System.nanoTime();
        first.close();

        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("the shutdown grace (2 s) and the kill grace bound the stop")
                .isLessThan(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inspectionProcesses).noneMatch(Processes::running));
        assertThat(job(storage.request(request), "photo-inspection")).containsEntry("status", "pending").containsEntry("attempts", 1);

        try (EmbeddedServer ignored = pipeline.startWorkers(false, Map.of())) {
            Map<String, Object> completed = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                    .until(() -> storage.request(request), view -> "succeeded".equals(view.get("status")));

            assertThat(job(completed, "photo-inspection")).containsEntry("status", "succeeded").containsEntry("attempts", 2);
        }
    }

    @Test
    void aJobWhoseWorkerVanishedIsTakenOverOnceItsLeaseHasPassed() {
        // Workers have been here (their queues exist); then one took the request, planned it, started its job and vanished:
        // nothing of it is left in the queues.
        pipeline.startWorkers(false, Map.of()).close();
        UUID request = storage.createRequest("noop", "vanished-" + UUID.randomUUID(), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.broker().take("workers.job-requests").isPresent());
        UUID job = UUID.randomUUID();
        storage.plan(request, job, "noop", 5);
        storage.startAttempt(job, 1);

        try (EmbeddedServer ignored = pipeline.startWorkers(false, Map.of())) {
            Map<String, Object> completed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> storage.request(request), view -> "succeeded".equals(view.get("status")));

            assertThat(job(completed, "noop")).containsEntry("status", "succeeded").containsEntry("attempts", 2);
        }
    }

}
