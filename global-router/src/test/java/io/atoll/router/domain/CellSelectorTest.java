package io.atoll.router.domain;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CellSelectorTest {
    private static final long NOW = 1_000_000_000L;
    private static final Cell EU = cell("eu-west-1", "eu-west-1", CellState.ACTIVE);
    private static final Cell US = cell("us-east-1", "us-east-1", CellState.ACTIVE);
    private static final Cell AP = cell("ap-southeast-2", "ap-southeast-2", CellState.ACTIVE);
    private static final RegionLatencies LATENCIES = RegionLatencies.parse(List.of(
            "eu-west-1/us-east-1=75", "eu-west-1/ap-southeast-2=250", "us-east-1/ap-southeast-2=200"));

    private final CellHealthBoard health = new CellHealthBoard(new HealthPolicy(2, 2, 3, Duration.ofSeconds(2), Duration.ofSeconds(30)));
    private final OperatorDrains drains = new OperatorDrains();

    @Test
    void newClientGoesToTheCellOfItsRegion() {
        RoutePlan plan = selector(EU, US, AP).plan(Optional.empty(), ClientLocation.of(null, "us-east-1"), NOW);

        assertThat(plan.cells()).containsExactly(US, EU, AP);
        assertThat(plan.reason()).isEqualTo(RouteReason.NEAREST_CLIENT_REGION);
    }

    @Test
    void regionWithoutItsOwnCellGoesToTheNearestRegionInTheTable() {
        RoutePlan plan = selector(EU, AP).plan(Optional.empty(), ClientLocation.of(null, "us-east-1"), NOW);

        assertThat(plan.cells()).containsExactly(EU, AP);
    }

    @Test
    void roundTripHintsOverrideTheRegion() {
        RoutePlan plan = selector(EU, US).plan(Optional.empty(), ClientLocation.of("eu-west-1=90, us-east-1=20", "eu-west-1"), NOW);

        assertThat(plan.cells()).containsExactly(US, EU);
        assertThat(plan.reason()).isEqualTo(RouteReason.NEAREST_RTT_HINT);
    }

    @Test
    void hintsAboutNoKnownRegionFallBackToTheRegion() {
        RoutePlan plan = selector(EU, US).plan(Optional.empty(), ClientLocation.of("mars-1=3", "us-east-1"), NOW);

        assertThat(plan.first()).isEqualTo(US);
        assertThat(plan.reason()).isEqualTo(RouteReason.NEAREST_CLIENT_REGION);
    }

    @Test
    void withoutClientSignalsTheFastestProbedCellWins() {
        health.of("eu-west-1").probeSucceeded(Duration.ofMillis(40));
        health.of("us-east-1").probeSucceeded(Duration.ofMillis(3));

        RoutePlan plan = selector(EU, US).plan(Optional.empty(), ClientLocation.UNKNOWN, NOW);

        assertThat(plan.cells()).containsExactly(US, EU);
        assertThat(plan.reason()).isEqualTo(RouteReason.NEAREST_PROBE);
    }

    @Test
    void memberStaysHomeWhenAnotherCellIsNearer() {
        RoutePlan plan = selector(EU, US).plan(Optional.of("eu-west-1"), ClientLocation.of("us-east-1=5,eu-west-1=120", null), NOW);

        assertThat(plan.cells()).containsExactly(EU, US);
        assertThat(plan.reason()).isEqualTo(RouteReason.HOME);
    }

    @Test
    void credentialsOfAPlacedAccountGoOnlyToItsHomeWhateverItsHealth() {
        notReady("eu-west-1");

        RoutePlan plan = selector(EU, US).planForAccount(Optional.of("eu-west-1"), ClientLocation.of(null, "us-east-1"), NOW);

        assertThat(plan.cells()).containsExactly(EU);
        assertThat(plan.reason()).isEqualTo(RouteReason.HOME);
    }

    @Test
    void anAccountWithoutAHomeIsPlannedLikeANewClient() {
        RoutePlan plan = selector(EU, US).planForAccount(Optional.empty(), ClientLocation.of(null, "us-east-1"), NOW);

        assertThat(plan.cells()).containsExactly(US, EU);
        assertThat(plan.reason()).isEqualTo(RouteReason.NEAREST_CLIENT_REGION);
    }

    @Test
    void memberOfAnUnreadyCellFailsOverToTheNextNearest() {
        notReady("eu-west-1");

        RoutePlan plan = selector(EU, US, AP).plan(Optional.of("eu-west-1"), ClientLocation.UNKNOWN, NOW);

        assertThat(plan.cells()).containsExactly(US, AP);
        assertThat(plan.reason()).isEqualTo(RouteReason.FAILOVER);
    }

    @Test
    void memberOfAnEjectedCellFailsOver() {
        health.of("us-east-1").probeSucceeded(Duration.ofMillis(1));
        for (int failure = 0; failure < 3; failure++) {
            health.requestFailed("eu-west-1", NOW);
        }

        RoutePlan plan = selector(EU, US).plan(Optional.of("eu-west-1"), ClientLocation.UNKNOWN, NOW);

        assertThat(plan.cells()).containsExactly(US);
        assertThat(plan.reason()).isEqualTo(RouteReason.FAILOVER);
    }

    @Test
    void membersReturnHomeWhenTheirCellIsReadyAgain() {
        notReady("eu-west-1");
        health.of("eu-west-1").probeSucceeded(Duration.ofMillis(5));
        health.of("eu-west-1").probeSucceeded(Duration.ofMillis(5));

        RoutePlan plan = selector(EU, US).plan(Optional.of("eu-west-1"), ClientLocation.UNKNOWN, NOW);

        assertThat(plan.first()).isEqualTo(EU);
        assertThat(plan.reason()).isEqualTo(RouteReason.HOME);
    }

    @Test
    void drainedCellGetsNeitherItsMembersNorNewClients() {
        drains.drain("eu-west-1");
        CellSelector selector = selector(EU, US);

        RoutePlan member = selector.plan(Optional.of("eu-west-1"), ClientLocation.of(null, "eu-west-1"), NOW);
        RoutePlan newcomer = selector.plan(Optional.empty(), ClientLocation.of(null, "eu-west-1"), NOW);

        assertThat(member.cells()).containsExactly(US);
        assertThat(member.reason()).isEqualTo(RouteReason.DRAINED);
        assertThat(newcomer.cells()).containsExactly(US);
    }

    @Test
    void cellDrainingInTheRegistryIsDrained() {
        Cell draining = cell("eu-west-1", "eu-west-1", CellState.DRAINING);

        RoutePlan plan = selector(draining, US).plan(Optional.of("eu-west-1"), ClientLocation.UNKNOWN, NOW);

        assertThat(plan.cells()).containsExactly(US);
        assertThat(plan.reason()).isEqualTo(RouteReason.DRAINED);
    }

    @Test
    void memberWithoutClientSignalsFailsOverNearestToTheirHomeRegion() {
        notReady("eu-west-1");
        health.of("ap-southeast-2").probeSucceeded(Duration.ofMillis(1));
        health.of("us-east-1").probeSucceeded(Duration.ofMillis(30));

        RoutePlan plan = selector(EU, US, AP).plan(Optional.of("eu-west-1"), ClientLocation.UNKNOWN, NOW);

        assertThat(plan.cells()).containsExactly(US, AP);
    }

    @Test
    void withNoHealthyCellRequestsStillGoToAnUndrainedOne() {
        notReady("eu-west-1");
        notReady("us-east-1");
        drains.drain("us-east-1");

        RoutePlan plan = selector(EU, US).plan(Optional.empty(), ClientLocation.of(null, "us-east-1"), NOW);

        assertThat(plan.cells()).containsExactly(EU);
    }

    @Test
    void unknownHomeCellIsTreatedAsNoHome() {
        RoutePlan plan = selector(EU, US).plan(Optional.of("gone-1"), ClientLocation.of(null, "us-east-1"), NOW);

        assertThat(plan.first()).isEqualTo(US);
        assertThat(plan.reason()).isEqualTo(RouteReason.NEAREST_CLIENT_REGION);
    }

    private void notReady(String cellId) {
        health.of(cellId).probeFailed("connection refused");
        health.of(cellId).probeFailed("connection refused");
    }

    private CellSelector selector(Cell... cells) {
        try {
            return new CellSelector(new CurrentRegistry(CellRegistry.of(List.of(cells)), Instant.EPOCH), health, drains, LATENCIES);
        } catch (InvalidRegistryException e) {
            throw new AssertionError(e);
        }
    }

    private static Cell cell(String id, String region, CellState state) {
        return new Cell(id, region, URI.create("http://127.0.0.1:" + (8000 + Math.abs(id.hashCode() % 1000))), state);
    }
}
