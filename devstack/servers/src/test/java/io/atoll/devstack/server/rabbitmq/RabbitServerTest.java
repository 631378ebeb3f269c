package io.atoll.devstack.server.rabbitmq;

import io.atoll.devstack.server.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RabbitServerTest {
    @Test
    void aPrivateNodeDerivesItsOtherPortsAndNameFromItsAmqpPort() {
        RabbitServer server = new RabbitServer(Endpoint.loopback(5672), "guest", "guest");

        assertThat(server.distributionPort()).isEqualTo(25672);
        assertThat(server.epmdPort()).isEqualTo(35672);
        assertThat(server.nodeName()).isEqualTo("atoll-5672@localhost");
    }

    @Test
    void highPortsShiftDownInsteadOfOverflowing() {
        RabbitServer server = new RabbitServer(Endpoint.loopback(50000), "guest", "guest");

        assertThat(server.distributionPort()).isEqualTo(30000);
        assertThat(server.epmdPort()).isEqualTo(20000);
    }
}
