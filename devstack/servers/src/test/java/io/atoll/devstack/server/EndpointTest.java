package io.atoll.devstack.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointTest {
    @Test
    void onlyLoopbackAddressesAreLocal() {
        assertThat(Endpoint.loopback(5432).isLocal()).isTrue();
        assertThat(new Endpoint("localhost", 5432).isLocal()).isTrue();
        assertThat(new Endpoint("127.0.0.2", 9042).isLocal()).isTrue();
        assertThat(new Endpoint("192.0.2.10", 5432).isLocal()).isFalse();
        assertThat(new Endpoint("no-such-host.invalid", 5432).isLocal()).isFalse();
    }

    @Test
    void portsOutsideTheTcpRangeAreRefused() {
        assertThatThrownBy(() -> Endpoint.loopback(0)).hasMessageContaining("port 0");
        assertThatThrownBy(() -> Endpoint.loopback(65536)).hasMessageContaining("65536");
        assertThatThrownBy(() -> new Endpoint(" ", 1)).hasMessageContaining("blank");
    }
}
