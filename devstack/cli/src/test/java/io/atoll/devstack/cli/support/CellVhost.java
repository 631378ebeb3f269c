package io.atoll.devstack.cli.support;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.rabbitmq.RabbitServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * The vhost of a cell of its own, for one test, on the machine's RabbitMQ ({@code ATOLL_TEST_RABBITMQ_PORT}, 5672 by
 * default): named as the platform names a cell's vhost, {@code atoll-<region>}, so that the CLI finds it by the cell's
 * region. Made with the platform's own {@link RabbitServer#ensureVhost}; closing it deletes it with all it holds.
 */
public final class CellVhost implements AutoCloseable {
    private final RabbitServer broker;
    private final String region;
    private final Path log;

    private CellVhost(RabbitServer broker, String region, Path log) {
        this.broker = requireNonNull(broker, "broker is null");
        this.region = requireNonNull(region, "region is null");
        this.log = requireNonNull(log, "log is null");
    }

    public static CellVhost create() throws IOException {
        String port = System.getenv().getOrDefault("ATOLL_TEST_RABBITMQ_PORT", "5672");
        RabbitServer broker = new RabbitServer(Endpoint.loopback(Integer.parseInt(port)), "guest", "guest");
        String region = "test-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path log = Files.createDirectories(Path.of("target")).resolve("rabbitmqctl.log");
        CellVhost cell = new CellVhost(broker, region, log);
        broker.ensureVhost(Optional.empty(), cell.vhost(), log);
        return cell;
    }

    /** The cell's region: its vhost is {@code atoll-<region>}. */
    public String region() {
        return region;
    }

    public String vhost() {
        return "atoll-" + region;
    }

    public Endpoint endpoint() {
        return broker.endpoint();
    }

    public Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.endpoint().host());
        factory.setPort(broker.endpoint().port());
        factory.setUsername(broker.user());
        factory.setPassword(broker.password());
        factory.setVirtualHost(vhost());
        return factory.newConnection("cell-vhost-test");
    }

    @Override
    public void close() throws IOException {
        int exit = broker.control(Optional.empty(), List.of("delete_vhost", vhost()), log);
        if (exit != 0) {
            throw new IOException("rabbitmqctl delete_vhost " + vhost() + " failed with exit code " + exit + " (log: " + log + ")");
        }
    }
}
