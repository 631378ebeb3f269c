package io.atoll.router.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CellHealthTest {
    private static final long SECOND = 1_000_000_000L;
    private final CellHealthBoard board = new CellHealthBoard(new HealthPolicy(2, 3, 5, Duration.ofSeconds(2), Duration.ofSeconds(10)));

    @Test
    void unprobedCellIsRoutableAndTheFirstGoodProbeMakesItReady() {
        CellHealth cell = board.of("eu-west-1");

        assertThat(cell.readiness()).isEqualTo(Readiness.UNKNOWN);
        assertThat(cell.isRoutable(0)).isTrue();
        assertThat(cell.probeSucceeded(Duration.ofMillis(4))).contains(Readiness.READY);
        assertThat(cell.rttMillis()).hasValue(4.0);
    }

    @Test
    void cellGoesOutAfterTheUnhealthyThresholdAndBackAfterTheHealthyThreshold() {
        CellHealth cell = board.of("eu-west-1");
        cell.probeSucceeded(Duration.ofMillis(4));

        assertThat(cell.probeFailed("connection refused")).isEmpty();
        assertThat(cell.probeFailed("connection refused")).isEmpty();
        assertThat(cell.probeFailed("connection refused")).contains(Readiness.NOT_READY);
        assertThat(cell.isRoutable(0)).isFalse();
        assertThat(cell.lastProbeFailure()).contains("connection refused");

        assertThat(cell.probeSucceeded(Duration.ofMillis(4))).isEmpty();
        assertThat(cell.probeSucceeded(Duration.ofMillis(4))).contains(Readiness.READY);
        assertThat(cell.isRoutable(0)).isTrue();
        assertThat(cell.lastProbeFailure()).isEmpty();
    }

    @Test
    void roundTripTimeIsSmoothed() {
        CellHealth cell = board.of("eu-west-1");
        cell.probeSucceeded(Duration.ofMillis(10));
        cell.probeSucceeded(Duration.ofMillis(20));

        assertThat(cell.rttMillis().getAsDouble()).isEqualTo(13.0, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void consecutiveFailedRequestsEjectACellForTheBaseTime() {
        board.of("us-east-1");
        CellHealth eu = board.of("eu-west-1");

        for (int failure = 1; failure < 5; failure++) {
            assertThat(board.requestFailed("eu-west-1", 0)).isEmpty();
        }
        assertThat(board.requestFailed("eu-west-1", 0)).contains(Duration.ofSeconds(2));

        assertThat(eu.isRoutable(SECOND)).isFalse();
        assertThat(eu.ejectionRemaining(SECOND)).contains(Duration.ofSeconds(1));
        assertThat(eu.isRoutable(2 * SECOND)).isTrue();
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        board.of("us-east-1");
        for (int failure = 1; failure < 5; failure++) {
            board.requestFailed("eu-west-1", 0);
        }
        board.of("eu-west-1").requestSucceeded();

        assertThat(board.requestFailed("eu-west-1", 0)).isEmpty();
    }

    @Test
    void ejectionsInARowBackOffExponentiallyUpToTheMaximum() {
        board.of("us-east-1");

        assertThat(ejectAt(0)).contains(Duration.ofSeconds(2));
        assertThat(ejectAt(2 * SECOND)).contains(Duration.ofSeconds(4));
        assertThat(ejectAt(6 * SECOND)).contains(Duration.ofSeconds(8));
        assertThat(ejectAt(14 * SECOND)).contains(Duration.ofSeconds(10));
    }

    @Test
    void backOffStartsOverAfterACleanPeriod() {
        board.of("us-east-1");
        ejectAt(0);
        ejectAt(2 * SECOND);

        assertThat(ejectAt(60 * SECOND)).contains(Duration.ofSeconds(2));
    }

    @Test
    void theLastRoutableCellIsNeverEjected() {
        CellHealth us = board.of("us-east-1");
        us.probeFailed("timeout");
        us.probeFailed("timeout");
        us.probeFailed("timeout");

        assertThat(ejectAt(0)).isEmpty();
        assertThat(board.of("eu-west-1").isRoutable(0)).isTrue();
    }

    @Test
    void forgetsCellsNoLongerListed() {
        board.of("eu-west-1").probeSucceeded(Duration.ofMillis(3));
        board.retainOnly(List.of("us-east-1"));

        assertThat(board.of("eu-west-1").readiness()).isEqualTo(Readiness.UNKNOWN);
    }

    private Optional<Duration> ejectAt(long nowNanos) {
        Optional<Duration> ejection = Optional.empty();
        for (int failure = 0; failure < 5; failure++) {
            ejection = board.requestFailed("eu-west-1", nowNanos);
        }
        return ejection;
    }
}
