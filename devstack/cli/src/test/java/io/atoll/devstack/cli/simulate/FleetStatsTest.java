package io.atoll.devstack.cli.simulate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FleetStatsTest {
    @Test
    void countsAnswersFailuresAndWhichCellServedEachRegion() {
        FleetStats stats = new FleetStats();
        for (int i = 1; i <= 99; i++) {
            stats.succeeded(i % 3 == 0 ? "us-east-1" : "eu-west-1", i % 3 == 0 ? "us-east-1" : "eu-west-1", Duration.ofMillis(i));
        }
        stats.succeeded("us-east-1", "eu-west-1", Duration.ofMillis(500));
        stats.failed("check-in 503");
        stats.failed("ConnectException");

        FleetStats.Snapshot snapshot = stats.snapshot();

        assertThat(snapshot.sent()).isEqualTo(102);
        assertThat(snapshot.ok()).isEqualTo(100);
        assertThat(snapshot.failedShare()).isCloseTo(2 / 102.0, within(1e-9));
        assertThat(snapshot.servedBy()).containsEntry("eu-west-1 -> eu-west-1", 66L).containsEntry("us-east-1 -> us-east-1", 33L)
                .containsEntry("us-east-1 -> eu-west-1", 1L);
        assertThat(snapshot.failures()).containsEntry("check-in 503", 1L).containsEntry("ConnectException", 1L);
        assertThat(snapshot.p50Millis()).isCloseTo(50, within(1.0));
        assertThat(snapshot.p99Millis()).isCloseTo(99, within(1.0));
        assertThat(snapshot.line(Duration.ofSeconds(12))).startsWith("[  12s] sent 102  ok 100  failed 2 (1.96%)")
                .contains("us-east-1 -> eu-west-1: 1");
    }

    @Test
    void latenciesKeepAccumulatingAcrossSnapshots() {
        FleetStats stats = new FleetStats();
        stats.succeeded("eu-west-1", "eu-west-1", Duration.ofMillis(10));
        stats.snapshot();
        stats.succeeded("eu-west-1", "eu-west-1", Duration.ofMillis(30));

        FleetStats.Snapshot snapshot = stats.snapshot();

        assertThat(snapshot.ok()).isEqualTo(2);
        assertThat(snapshot.p99Millis()).isCloseTo(30, within(0.1));
        assertThat(snapshot.p50Millis()).isCloseTo(10, within(0.1));
    }

    @Test
    void aWindowHoldsOnlyWhatHappenedSinceTheLastOne() {
        FleetStats stats = new FleetStats();
        stats.onboarded();
        stats.succeeded("eu-west-1", "eu-west-1", Duration.ofMillis(100));
        stats.failed("check-in 503");
        FleetStats.Snapshot first = stats.closeWindow();
        stats.succeeded("eu-west-1", "us-east-1", Duration.ofMillis(5));
        stats.succeeded("eu-west-1", "us-east-1", Duration.ofMillis(5));
        stats.snapshot();

        FleetStats.Snapshot second = stats.closeWindow();

        assertThat(first.onboarded()).isEqualTo(1);
        assertThat(first.sent()).isEqualTo(2);
        assertThat(first.failures()).containsExactly(Map.entry("check-in 503", 1L));
        assertThat(first.servedBy()).containsExactly(Map.entry("eu-west-1 -> eu-west-1", 1L));
        assertThat(second.onboarded()).isZero();
        assertThat(second.sent()).isEqualTo(2);
        assertThat(second.failed()).isZero();
        assertThat(second.failures()).isEmpty();
        assertThat(second.servedBy()).containsExactly(Map.entry("eu-west-1 -> us-east-1", 2L));
        assertThat(second.p99Millis()).as("the window's latencies alone").isCloseTo(5, within(0.1));
        assertThat(stats.snapshot().p99Millis()).as("the run's").isCloseTo(100, within(0.1));
    }

    @Test
    void aCellSilentForLongerThanTheAbsenceHasGoneAndComesBackWhenItAnswers() {
        CellPresence presence = new CellPresence(Duration.ofSeconds(3));
        long second = 1_000_000_000L;

        assertThat(presence.changes(Map.of("eu-west-1", 10 * second, "us-east-1", 10 * second), 12 * second)).isEmpty();
        assertThat(presence.changes(Map.of("eu-west-1", 10 * second, "us-east-1", 14 * second), 14 * second))
                .containsExactly("cell eu-west-1 stopped answering (nothing from it for 4.0 s)");
        assertThat(presence.changes(Map.of("eu-west-1", 10 * second, "us-east-1", 15 * second), 15 * second)).as("said once").isEmpty();
        assertThat(presence.changes(Map.of("eu-west-1", 20 * second, "us-east-1", 20 * second), 20 * second))
                .containsExactly("cell eu-west-1 answers again");
    }

    @Test
    void theSummaryShowsEachWindowAndWhatEndedItAndTheVerdictFollowsTheLimit() {
        FleetStats.Snapshot clean = new FleetStats.Snapshot(20, 100, 100, Map.of(), Map.of("eu-west-1 -> eu-west-1", 100L), 4, 9);
        FleetStats.Snapshot failing = new FleetStats.Snapshot(0, 50, 45, Map.of("check-in 502", 5L), Map.of("eu-west-1 -> us-east-1", 45L), 6, 30);
        FleetStats.Snapshot total = new FleetStats.Snapshot(20, 150, 145, Map.of("check-in 502", 5L), Map.of(), 5, 20);
        Fleet.Run run = new Fleet.Run(total, List.of(
                new Fleet.Window(0, 13, clean, List.of("cell eu-west-1 stopped answering (nothing from it for 3.1 s)")),
                new Fleet.Window(13, 23, failing, List.of())));

        String summary = RunSummary.of(run);

        assertThat(summary.lines()).containsSubsequence(
                "by window:",
                "     0-  13 s  sent 100  ok 100  failed 0 (0.00%)  p50 4.0 ms  p99 9.0 ms  |  eu-west-1 -> eu-west-1: 100",
                "  ---------  cell eu-west-1 stopped answering (nothing from it for 3.1 s)",
                "    13-  23 s  sent 50  ok 45  failed 5 (10.00%)  p50 6.0 ms  p99 30.0 ms  |  eu-west-1 -> us-east-1: 45  | failures {check-in 502=5}",
                "total: sent 150  ok 145  failed 5 (3.33%)  p50 5.0 ms  p99 20.0 ms  | failures {check-in 502=5}");
        assertThat(RunSummary.failed(run, 1)).isTrue();
        assertThat(RunSummary.failed(run, 5)).isFalse();
        assertThat(RunSummary.failed(new Fleet.Run(new FleetStats.Snapshot(0, 0, 0, Map.of(), Map.of(), 0, 0), List.of()), 100))
                .as("a run that made no call").isTrue();
    }
}
