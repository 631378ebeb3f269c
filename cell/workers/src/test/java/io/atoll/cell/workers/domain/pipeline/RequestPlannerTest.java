package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.workers.config.SerdeJsonCodec;
import io.atoll.cell.workers.domain.job.JobLaunch;
import io.atoll.cell.workers.domain.job.JobRun;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestPlannerTest {
    private static final JobTimeouts TIMEOUTS = new JobTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofSeconds(45), Duration.ofSeconds(5));

    @TempDir
    Path work;

    private final List<JobLaunch> launches = new ArrayList<>();
    private JobRun planRun = new JobRun(JobRun.Outcome.EXITED, 0, "{\"directories\": [\"src\", \"docs\", \".\"]}", "", Duration.ofSeconds(1));

    private RequestPlanner planner() {
        return new RequestPlanner(launch -> {
            launches.add(launch);
            return planRun;
        }, new SerdeJsonCodec(ObjectMapper.getDefault()), new WorkDirectories(work), TIMEOUTS, List.of(160, 480, 1024));
    }

    @Test
    void aPhotoGetsItsThumbnailsAndItsInspection() throws Exception {
        JobRequest request = Requests.request("photo", JobRequest.REQUESTED, Map.of("uploadId", "u-1", "contentType", "image/jpeg"), List.of());

        List<PlannedJob> jobs = planner().plan(request);

        assertThat(jobs).extracting(PlannedJob::kind).containsExactly("photo-thumbnails", "photo-inspection");
        assertThat(jobs.get(0).spec()).isEqualTo(Map.of("uploadId", "u-1", "sizes", List.of(160, 480, 1024)));
        assertThat(jobs.get(0).timeoutSeconds()).isEqualTo(60);
        assertThat(jobs.get(1).spec()).isEqualTo(Map.of("uploadId", "u-1"));
        assertThat(jobs.get(1).timeoutSeconds()).isEqualTo(30);
        assertThat(launches).isEmpty();
    }

    @Test
    void planningTheSameRequestAgainNamesTheSameJobs() throws Exception {
        JobRequest request = Requests.request("photo", JobRequest.REQUESTED, Map.of("uploadId", "u-1"), List.of());

        assertThat(planner().plan(request)).extracting(PlannedJob::id).containsExactlyElementsOf(planner().plan(request).stream().map(PlannedJob::id).toList())
                .doesNotHaveDuplicates()
                .contains(PipelineIds.job(request.id(), "photo-thumbnails"));
    }

    @Test
    void aRepositoryScanGetsOneJobPerTopLevelDirectoryFoundByTheRepositoryPlanProgram() throws Exception {
        JobRequest request = Requests.request("repository-scan", JobRequest.REQUESTED,
                Map.of("repository", "file:///repos/a", "commit", "0123abcd", "github", Map.of("owner", "o", "repo", "r")), List.of());

        List<PlannedJob> jobs = planner().plan(request);

        assertThat(launches).singleElement().satisfies(launch -> {
            assertThat(launch.kind()).isEqualTo("repository-plan");
            assertThat(launch.timeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(launch.specJson()).contains("\"repository\":\"file:///repos/a\"").contains("\"commit\":\"0123abcd\"");
        });
        assertThat(jobs).extracting(job -> job.spec().get("directory")).containsExactly("src", "docs", ".");
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.kind()).isEqualTo("repository-scan");
            assertThat(job.timeoutSeconds()).isEqualTo(600);
            assertThat(job.spec()).containsEntry("repository", "file:///repos/a").containsEntry("commit", "0123abcd");
        });
        assertThat(jobs).extracting(PlannedJob::id).doesNotHaveDuplicates();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aRepositoryPlanThatFailsIsTriedAgainLaterButOneThatRejectsTheSpecNever() {
        JobRequest request = Requests.request("repository-scan", JobRequest.REQUESTED, Map.of("repository", "/nowhere", "commit", "abcdef12"), List.of());

        planRun = new JobRun(JobRun.Outcome.FAILED, 1, "", "repository-plan: failed: disk full", Duration.ofSeconds(1));
        assertThatExceptionOfType(PlanningFailedException.class).isThrownBy(() -> planner().plan(request)).withMessageContaining("disk full");

        planRun = new JobRun(JobRun.Outcome.FAILED, 2, "", "repository-plan: rejected: no repository at /nowhere", Duration.ofSeconds(1));
        assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> planner().plan(request)).withMessageContaining("no repository");
    }

    @Test
    void aNoopGetsOneNoopJob() throws Exception {
        List<PlannedJob> jobs = planner().plan(Requests.request("noop", JobRequest.REQUESTED, Map.of(), List.of()));

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo("noop");
            assertThat(job.spec()).isEmpty();
            assertThat(job.timeoutSeconds()).isEqualTo(5);
        });
    }

    @Test
    void requestsThatCanNeverBePlannedAreUnprocessable() {
        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> planner().plan(Requests.request("video", JobRequest.REQUESTED, Map.of(), List.of())))
                .withMessageContaining("unknown kind \"video\"");
        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> planner().plan(Requests.request("photo", JobRequest.REQUESTED, Map.of("contentType", "image/png"), List.of())))
                .withMessageContaining("uploadId");
        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> planner().plan(Requests.request("repository-scan", JobRequest.REQUESTED,
                        Map.of("repository", "/r", "commit", "HEAD; rm -rf /"), List.of())))
                .withMessageContaining("commit");
        assertThat(launches).isEmpty();
    }
}
