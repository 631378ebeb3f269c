package io.atoll.router.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientLocationTest {
    @Test
    void readsRoundTripHintsPerRegion() {
        ClientLocation client = ClientLocation.of("eu-west-1=38,us-east-1=95", null);

        assertThat(client.rttMillis("eu-west-1")).hasValue(38);
        assertThat(client.rttMillis("us-east-1")).hasValue(95);
        assertThat(client.rttMillis("ap-southeast-2")).isEmpty();
        assertThat(client.region()).isEmpty();
    }

    @Test
    void skipsMalformedHintsAndKeepsTheRest() {
        ClientLocation client = ClientLocation.of(" eu-west-1 = 38 ,us-east-1=fast,=4,ap-southeast-2=-1,sa-east-1", "  ");

        assertThat(client.rttMillis("eu-west-1")).hasValue(38);
        assertThat(client.rttMillis("us-east-1")).isEmpty();
        assertThat(client.rttMillis("ap-southeast-2")).isEmpty();
        assertThat(client.hasRttHints()).isTrue();
        assertThat(client.region()).isEmpty();
    }

    @Test
    void readsTheEdgesRegion() {
        assertThat(ClientLocation.of(null, " us-east-1 ").region()).contains("us-east-1");
        assertThat(ClientLocation.of(null, null)).isSameAs(ClientLocation.UNKNOWN);
    }

    @Test
    void regionTableIsSymmetricAndARegionIsNearItself() {
        RegionLatencies latencies = RegionLatencies.parse(List.of("eu-west-1/us-east-1=75"));

        assertThat(latencies.millis("us-east-1", "eu-west-1")).hasValue(75);
        assertThat(latencies.millis("eu-west-1", "us-east-1")).hasValue(75);
        assertThat(latencies.millis("ap-southeast-2", "ap-southeast-2")).hasValue(0);
        assertThat(latencies.millis("ap-southeast-2", "eu-west-1")).isEmpty();
    }

    @Test
    void malformedRegionTableEntriesStopTheRouterWithTheEntryNamed() {
        assertThatThrownBy(() -> RegionLatencies.parse(List.of("eu-west-1=75")))
                .hasMessageContaining("\"eu-west-1=75\" is not of the form REGION_A/REGION_B=MILLIS");
        assertThatThrownBy(() -> RegionLatencies.parse(List.of("eu-west-1/us-east-1=soon")))
                .hasMessageContaining("no whole number");
    }
}
