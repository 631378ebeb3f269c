package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.workers.config.SerdeJsonCodec;
import io.atoll.cell.workers.domain.job.JobRun;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** When work is tried again, after which pause, and when it is given up. */
class RetryDecisionsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60)), 4);
    private final JobRuns runs = new JobRuns(new SerdeJsonCodec(ObjectMapper.getDefault()));

    @Test
    void eachFailureWaitsTheNextDelayAndTheLastDelayRepeats() {
        assertThat(policy.delayIndex(1)).isZero();
        assertThat(policy.delayIndex(2)).isEqualTo(1);
        assertThat(policy.delayIndex(3)).isEqualTo(2);
        assertThat(policy.delayIndex(7)).isEqualTo(2);
        assertThatIllegalArgumentException().isThrownBy(() -> policy.delayIndex(0));
    }

    @Test
    void workIsGivenUpAfterTheMaximumNumberOfAttempts() {
        assertThat(policy.attemptsRemain(1)).isTrue();
        assertThat(policy.attemptsRemain(3)).isTrue();
        assertThat(policy.attemptsRemain(4)).isFalse();
    }

    @Test
    void aPolicyNeedsADelayAndAnAttempt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(List.of(), 4));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(List.of(Duration.ZERO), 4));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(List.of(Duration.ofSeconds(1)), 0));
    }

    @Test
    void aProgramThatExitsZeroWithOneJsonObjectSucceededForGood() {
        JobOutcome outcome = runs.outcome(run(JobRun.Outcome.EXITED, 0, " {\"slept\": 1}\n"), TIMEOUT, true);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.finalOutcome()).isTrue();
        assertThat(outcome.result()).isEqualTo(Map.of("slept", 1));
    }

    @Test
    void aProgramThatExitsZeroWithoutOneJsonObjectFailed() {
        for (String stdout : List.of("", "done", "[1, 2]", "{\"a\": 1} {\"b\": 2}", "{\"a\": ")) {
            JobOutcome outcome = runs.outcome(run(JobRun.Outcome.EXITED, 0, stdout), TIMEOUT, true);

            assertThat(outcome.status()).as(stdout).isEqualTo(Job.FAILED);
            assertThat(outcome.finalOutcome()).isFalse();
            assertThat(outcome.stderr()).contains("[atoll-workers] exited 0 but its output is not one JSON object");
        }
    }

    @Test
    void aFailureIsTriedAgainWhileAttemptsRemain() {
        assertThat(runs.outcome(run(JobRun.Outcome.FAILED, 1, ""), TIMEOUT, true).finalOutcome()).isFalse();
        assertThat(runs.outcome(run(JobRun.Outcome.FAILED, 1, ""), TIMEOUT, false).finalOutcome()).isTrue();
    }

    @Test
    void aProgramThatRejectsItsInputFailedForGoodAtOnce() {
        JobOutcome outcome = runs.outcome(run(JobRun.Outcome.FAILED, JobRuns.REJECTED_EXIT_CODE, ""), TIMEOUT, true);

        assertThat(outcome.status()).isEqualTo(Job.FAILED);
        assertThat(outcome.finalOutcome()).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(2);
    }

    @Test
    void aTimeoutIsRecordedAsSuchWithoutAnExitCode() {
        JobOutcome outcome = runs.outcome(run(JobRun.Outcome.TIMED_OUT, null, ""), TIMEOUT, true);

        assertThat(outcome.status()).isEqualTo(Job.TIMED_OUT);
        assertThat(outcome.exitCode()).isNull();
        assertThat(outcome.finalOutcome()).isFalse();
        assertThat(outcome.stderr()).endsWith("after its timeout of 60 s");
    }

    private static JobRun run(JobRun.Outcome outcome, Integer exitCode, String stdout) {
        return new JobRun(outcome, exitCode, stdout, "some diagnostics\n", Duration.ofMillis(500));
    }
}
