package io.atoll.testing;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A vhost of its own for one test; closing it deletes it with everything in it. */
public final class RabbitVhost implements AutoCloseable {
    private final TestRabbit broker;
    private final String name;

    RabbitVhost(TestRabbit broker, String name) {
        this.broker = requireNonNull(broker, "broker is null");
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    public String host() {
        return broker.host();
    }

    public int port() {
        return broker.port();
    }

    public String username() {
        return broker.username();
    }

    public String password() {
        return broker.password();
    }

    /** micronaut-rabbitmq's settings for a connection to this vhost. */
    public Map<String, String> micronautProperties() {
        return Map.of("rabbitmq.host", host(),
                "rabbitmq.port", Integer.toString(port()),
                "rabbitmq.username", username(),
                "rabbitmq.password", password(),
                "rabbitmq.virtual-host", name);
    }

    @Override
    public void close() {
        broker.delete(name);
    }
}
