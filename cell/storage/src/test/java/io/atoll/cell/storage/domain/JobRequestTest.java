package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.job.Job;
import io.atoll.cell.storage.domain.job.JobRequest;
import io.atoll.cell.storage.domain.job.JobRequestKind;
import io.atoll.cell.storage.domain.job.JobRequestStatus;
import io.atoll.cell.storage.domain.job.JobStatus;
import io.atoll.cell.storage.domain.job.NewJobRequest;
import io.atoll.cell.storage.domain.job.PlanChange;
import io.atoll.cell.storage.domain.job.PlannedJob;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRequestTest {
    private static final Instant MADE = Instant.parse("2026-12-01T10:15:30.123456Z");
    private static final Instant LATER = MADE.plusSeconds(60);

    @Test
    void aRetryIsTheSameContentHoweverItsJsonWasSpelledAndAnythingElseIsNot() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("repository", "file:///srv/repo");
        spec.put("sizes", List.of(160, 480));
        spec.put("depth", 1.0);
        Map<String, Object> sameSpecOtherOrder = new LinkedHashMap<>();
        sameSpecOtherOrder.put("depth", 1);
        sameSpecOtherOrder.put("sizes", List.of(160, 480));
        sameSpecOtherOrder.put("repository", "file:///srv/repo");
        JobRequest made = JobRequest.requested(UUID.randomUUID(), scan(Optional.of("m-1"), "repo", spec), MADE);

        assertThat(made.isRetryOf(scan(Optional.of("m-1"), "repo", sameSpecOtherOrder))).isTrue();
        assertThat(made.isRetryOf(scan(Optional.empty(), "repo", spec))).isFalse();
        assertThat(made.isRetryOf(scan(Optional.of("m-1"), "other", spec))).isFalse();
        assertThat(made.isRetryOf(scan(Optional.of("m-1"), "repo", Map.of("repository", "file:///srv/repo", "sizes", List.of(480, 160),
                "depth", 1)))).isFalse();
        assertThat(made.isRetryOf(new NewJobRequest(JobRequestKind.NOOP, Optional.of("m-1"), "repo", spec))).isFalse();
    }

    @Test
    void stringsAreWrittenWithTheirLengthSoNoTwoSpecsRunTogether() {
        assertThat(NewJobRequest.photo(UUID.randomUUID(), "m", "image/png").fingerprint()).hasSize(64);
        assertThat(scan(Optional.empty(), "s", Map.of("a", "b", "c", "d")).fingerprint())
                .isNotEqualTo(scan(Optional.empty(), "s", Map.of("a", "bs1:cs1:d")).fingerprint());
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThat(scan(Optional.empty(), "s", withNull).fingerprint()).isNotEqualTo(scan(Optional.empty(), "s", Map.of()).fingerprint());
    }

    @Test
    void planningAddsTheNewJobsKeepsThoseThereAndMovesARequestedRequestToPlanned() {
        JobRequest request = requested();
        PlannedJob thumbnails = planned("photo-thumbnails");
        PlannedJob inspection = planned("photo-inspection");

        PlanChange first = request.plan(List.of(thumbnails), List.of(), LATER);
        Job running = first.added().get(0).started(Duration.ofSeconds(60), LATER);
        PlanChange again = first.request().plan(List.of(thumbnails, inspection), List.of(running), LATER.plusSeconds(1));

        assertThat(first.request().status()).isEqualTo(JobRequestStatus.PLANNED);
        assertThat(first.request().updatedAt()).isEqualTo(LATER);
        assertThat(first.added()).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(thumbnails.id());
            assertThat(job.requestId()).isEqualTo(request.id());
            assertThat(job.status()).isEqualTo(JobStatus.PENDING);
            assertThat(job.attempts()).isZero();
            assertThat(job.spec()).isEqualTo(thumbnails.spec());
        });
        assertThat(again.request()).isSameAs(first.request());
        assertThat(again.added()).extracting(Job::id).containsExactly(inspection.id());
    }

    @Test
    void aPlanCannotTakeAnotherRequestsJobNameAJobTwiceOrAddToACompletedRequest() {
        JobRequest request = requested();
        PlannedJob job = planned("noop");
        Job othersJob = Job.planned(UUID.randomUUID(), job, MADE);
        JobRequest completed = request.completed(JobRequestStatus.SUCCEEDED, Map.of(), "done", LATER).orElseThrow();

        assertRefused(() -> request.plan(List.of(job), List.of(othersJob), LATER), Refusal.CONFLICT);
        assertRefused(() -> request.plan(List.of(job, job), List.of(), LATER), Refusal.BAD_REQUEST);
        assertRefused(() -> completed.plan(List.of(job), List.of(), LATER), Refusal.CONFLICT);
        Job planned = Job.planned(request.id(), job, MADE);
        assertThat(completed.plan(List.of(job), List.of(planned), LATER).added()).isEmpty();
    }

    @Test
    void theFirstCompletionWinsAndLaterOnesChangeNothing() {
        JobRequest request = requested();

        JobRequest completed = request.completed(JobRequestStatus.PARTIAL, Map.of("thumbnails", 2), "2 of 3 jobs succeeded", LATER)
                .orElseThrow();

        assertThat(completed.status()).isEqualTo(JobRequestStatus.PARTIAL);
        assertThat(completed.completedAt()).contains(LATER);
        assertThat(completed.summary()).contains(Map.of("thumbnails", 2));
        assertThat(completed.headline()).contains("2 of 3 jobs succeeded");
        assertThat(completed.completed(JobRequestStatus.SUCCEEDED, Map.of(), "again", LATER.plusSeconds(5))).isEmpty();
        assertThatThrownBy(() -> request.completed(JobRequestStatus.PLANNED, Map.of(), "not an end", LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JobRequest requested() {
        return JobRequest.requested(UUID.randomUUID(), NewJobRequest.photo(UUID.randomUUID(), "m-1", "image/jpeg"), MADE);
    }

    private static NewJobRequest scan(Optional<String> member, String subject, Map<String, Object> spec) {
        return new NewJobRequest(JobRequestKind.REPOSITORY_SCAN, member, subject, spec);
    }

    private static PlannedJob planned(String kind) {
        return new PlannedJob(UUID.randomUUID(), kind, 60, Map.of("input", "/tmp/original"));
    }

    private static void assertRefused(Runnable call, Refusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }
}
