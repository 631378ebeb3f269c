package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.order.Destination;
import io.atoll.cell.storage.domain.order.PlacementRequest;
import io.atoll.cell.storage.domain.order.RequestedLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementRequestTest {
    private static final Destination HOME = new Destination(Optional.of("Ada"), "1 Main St", Optional.empty(), "Cork", "T12", "IE");

    @Test
    void theSameRequestHasTheSameHash() {
        PlacementRequest request = new PlacementRequest(List.of(new RequestedLine("GAS-230G", 2)), HOME);
        PlacementRequest again = new PlacementRequest(List.of(new RequestedLine("GAS-230G", 2)),
                new Destination(Optional.of("Ada"), "1 Main St", Optional.empty(), "Cork", "T12", "IE"));

        assertThat(request.contentHash()).isEqualTo(again.contentHash()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void anyDifferenceChangesTheHash() {
        String hash = new PlacementRequest(List.of(new RequestedLine("GAS-230G", 2)), HOME).contentHash();

        assertThat(new PlacementRequest(List.of(new RequestedLine("GAS-230G", 3)), HOME).contentHash()).isNotEqualTo(hash);
        assertThat(new PlacementRequest(List.of(new RequestedLine("GAS-231G", 2)), HOME).contentHash()).isNotEqualTo(hash);
        assertThat(new PlacementRequest(List.of(new RequestedLine("GAS-230G", 2)),
                new Destination(Optional.empty(), "1 Main St", Optional.empty(), "Cork", "T12", "IE")).contentHash()).isNotEqualTo(hash);
        assertThat(new PlacementRequest(List.of(new RequestedLine("GAS-230G", 2)),
                new Destination(Optional.of("Ada"), "1 Main St", Optional.of(""), "Cork", "T12", "IE")).contentHash())
                .as("an empty second line is not an absent one").isNotEqualTo(hash);
    }

    @Test
    void valuesDoNotRunTogether() {
        Destination shifted = new Destination(Optional.of("Ada"), "1 Main St", Optional.empty(), "CorkT", "12", "IE");
        Destination original = new Destination(Optional.of("Ada"), "1 Main St", Optional.empty(), "Cork", "T12", "IE");

        assertThat(new PlacementRequest(List.of(new RequestedLine("A1", 11)), original).contentHash())
                .isNotEqualTo(new PlacementRequest(List.of(new RequestedLine("A11", 1)), original).contentHash());
        assertThat(new PlacementRequest(List.of(new RequestedLine("A1", 1)), shifted).contentHash())
                .isNotEqualTo(new PlacementRequest(List.of(new RequestedLine("A1", 1)), original).contentHash());
    }
}
