package io.atoll.edge;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersTest {
    private static final Set<String> ROUTER = Set.of("10.0.0.2");

    @Test
    void theClientIsTheLastHopUnlessThatHopIsATrustedProxy() {
        assertThat(ForwardedHeaders.clientBehind("198.51.100.4", ROUTER)).isEqualTo("198.51.100.4");
        assertThat(ForwardedHeaders.clientBehind("198.51.100.4, 10.0.0.2", ROUTER)).isEqualTo("198.51.100.4");
        assertThat(ForwardedHeaders.clientBehind("198.51.100.4, 10.0.0.2", Set.of())).as("nothing trusted").isEqualTo("10.0.0.2");
    }

    @Test
    void whatAClientWroteItselfLeftOfTheTrustedHopsIsNotBelieved() {
        assertThat(ForwardedHeaders.clientBehind("203.0.113.9, 198.51.100.4, 10.0.0.2", ROUTER)).isEqualTo("198.51.100.4");
        assertThat(ForwardedHeaders.clientBehind("10.0.0.2, 10.0.0.2", ROUTER)).as("only trusted hops: the first").isEqualTo("10.0.0.2");
        assertThat(ForwardedHeaders.clientBehind(" , 10.0.0.2", ROUTER)).isEqualTo("unknown");
    }
}
