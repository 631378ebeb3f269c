package io.atoll.testing;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.StateFile;
import io.atoll.devstack.server.rabbitmq.RabbitServer;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.RabbitMQContainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The build's RabbitMQ broker, handing out a vhost per test. */
public final class TestRabbit {
    /** Runs {@code rabbitmqctl} with the given arguments against the broker. */
    @FunctionalInterface
    interface Control {
        void run(List<String> arguments);
    }

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Control control;

    private TestRabbit(String host, int port, String username, String password, Control control) {
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.username = requireNonNull(username, "username is null");
        this.password = requireNonNull(password, "password is null");
        this.control = requireNonNull(control, "control is null");
    }

    static TestRabbit local(RabbitServer server, Path stateDir) {
        Path log = stateDir.resolve("rabbitmq-control.log");
        Control control = arguments -> {
            try {
                Optional<OwnedProcess> owned = new StateFile(stateDir).find(RabbitServer.NAME);
                int exit = server.control(owned, arguments, log);
                if (exit != 0) {
                    throw new IllegalStateException("rabbitmqctl " + arguments + " failed with exit code " + exit + " (log: " + log + ")");
                }
            } catch (IOException e) {
                throw new IllegalStateException("rabbitmqctl " + arguments + " failed", e);
            }
        };
        return new TestRabbit(server.endpoint().host(), server.endpoint().port(), server.user(), server.password(), control);
    }

    static TestRabbit container() {
        RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13");
        container.start();
        Control control = arguments -> {
            List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
            command.addAll(arguments);
            try {
                Container.ExecResult result = container.execInContainer(command.toArray(String[]::new));
                if (result.getExitCode() != 0) {
                    throw new IllegalStateException("rabbitmqctl " + arguments + " failed: " + result.getStderr());
                }
            } catch (IOException e) {
                throw new IllegalStateException("rabbitmqctl " + arguments + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted running rabbitmqctl", e);
            }
        };
        return new TestRabbit(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                container.getAdminPassword(), control);
    }

    /** Creates a vhost whose name starts with {@code prefix}, open to the test user. */
    public RabbitVhost createVhost(String prefix) {
        String name = UniqueNames.of(prefix);
        control.run(List.of("add_vhost", name));
        control.run(List.of("set_permissions", "-p", name, username, ".*", ".*", ".*"));
        return new RabbitVhost(this, name);
    }

    void delete(String vhost) {
        control.run(List.of("delete_vhost", vhost));
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }
}
