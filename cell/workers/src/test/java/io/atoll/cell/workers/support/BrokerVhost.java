package io.atoll.cell.workers.support;

import io.atoll.testing.RabbitVhost;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Where the cell's vhost is and how to log in to it: on the build's broker or on a private node of a test. */
public record BrokerVhost(String host, int port, String username, String password, String name) {
    public BrokerVhost {
        requireNonNull(host, "host is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(name, "name is null");
    }

    static BrokerVhost of(RabbitVhost vhost) {
        return new BrokerVhost(vhost.host(), vhost.port(), vhost.username(), vhost.password(), vhost.name());
    }

    /** micronaut-rabbitmq's settings for a connection to this vhost. */
    public Map<String, String> micronautProperties() {
        return Map.of("rabbitmq.host", host,
                "rabbitmq.port", Integer.toString(port),
                "rabbitmq.username", username,
                "rabbitmq.password", password,
                "rabbitmq.virtual-host", name);
    }
}
