package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.job.Job;
import io.atoll.cell.storage.domain.job.JobOutcome;
import io.atoll.cell.storage.domain.job.JobStatus;
import io.atoll.cell.storage.domain.job.PlannedJob;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTest {
    private static final Instant MADE = Instant.parse("2026-12-01T10:15:30.123456Z");
    private static final Instant LATER = MADE.plusSeconds(60);

    @Test
    void anAttemptRunsUnderALeaseAndAFailureThatIsNotFinalPutsTheJobBackKeepingWhatItSaid() {
        Job job = Job.planned(UUID.randomUUID(), planned("photo-thumbnails"), MADE);

        Job running = job.started(Duration.ofSeconds(90), LATER);
        Job retrying = running.ended(new JobOutcome(JobStatus.FAILED, false, Optional.of(1), Optional.empty(), Optional.of("boom")),
                LATER.plusSeconds(3));
        Job again = retrying.started(Duration.ofSeconds(90), LATER.plusSeconds(10));

        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.startedAt()).contains(LATER);
        assertThat(running.leaseUntil()).contains(LATER.plusSeconds(90));
        assertThat(retrying.status()).isEqualTo(JobStatus.PENDING);
        assertThat(retrying.leaseUntil()).isEmpty();
        assertThat(retrying.finishedAt()).contains(LATER.plusSeconds(3));
        assertThat(retrying.exitCode()).contains(1);
        assertThat(retrying.stderr()).contains("boom");
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.finishedAt()).isEmpty();
        assertThat(again.stderr()).contains("boom");
    }

    @Test
    void aFinalJobIsNeverAttemptedAgainAndALateOutcomeLeavesItAsItIs() {
        Job running = Job.planned(UUID.randomUUID(), planned("noop"), MADE).started(Duration.ofSeconds(30), LATER);

        Job succeeded = running.ended(new JobOutcome(JobStatus.SUCCEEDED, true, Optional.of(0), Optional.of(Map.of("ok", true)),
                Optional.empty()), LATER.plusSeconds(2));

        assertThat(succeeded.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(succeeded.result()).contains(Map.of("ok", true));
        assertThat(succeeded.leaseUntil()).isEmpty();
        assertRefused(() -> succeeded.started(Duration.ofSeconds(30), LATER.plusSeconds(3)), Refusal.CONFLICT);
        assertThat(succeeded.ended(new JobOutcome(JobStatus.TIMED_OUT, true, Optional.empty(), Optional.empty(), Optional.empty()),
                LATER.plusSeconds(4))).isSameAs(succeeded);
    }

    @Test
    void aSuccessIsAlwaysFinalAndAnOutcomeIsAnEnd() {
        assertRefused(() -> new JobOutcome(JobStatus.SUCCEEDED, false, Optional.of(0), Optional.empty(), Optional.empty()),
                Refusal.BAD_REQUEST);
        assertThatThrownBy(() -> new JobOutcome(JobStatus.RUNNING, true, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PlannedJob planned(String kind) {
        return new PlannedJob(UUID.randomUUID(), kind, 60, Map.of("input", "/tmp/original"));
    }

    private static void assertRefused(Runnable call, Refusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }
}
