package io.atoll.devstack.cli.simulate;

import org.junit.jupiter.api.Test;

import java.time.Duration;

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
}
