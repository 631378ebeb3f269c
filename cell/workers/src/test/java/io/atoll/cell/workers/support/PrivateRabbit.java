package io.atoll.cell.workers.support;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.rabbitmq.RabbitServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of a test's own: the devstack's private node of the installed package, on free ports, with its
 * files under {@code target/}. Unlike the build's broker, which other tests share, it may be stopped and started again
 * in the middle of a test; its queues and the messages in them outlive a restart, as on any broker.
 */
public final class PrivateRabbit implements AutoCloseable {
    private static final String USER = "guest";

    private final RabbitServer server;
    private final Path home;
    private OwnedProcess node;

    private PrivateRabbit(RabbitServer server, Path home) {
        this.server = server;
        this.home = home;
    }

    /** Starts a new node whose files go to a fresh folder under {@code parent}. */
    public static PrivateRabbit start(Path parent) {
        RabbitServer server = new RabbitServer(Endpoint.loopback(freePort()), USER, USER);
        Path home = parent.resolve("rabbitmq-" + server.endpoint().port()).toAbsolutePath();
        deleteRecursively(home);
        PrivateRabbit rabbit = new PrivateRabbit(server, home);
        rabbit.startAgain();
        return rabbit;
    }

    /** Creates a vhost open to the node's user. */
    public BrokerVhost createVhost(String name) {
        try {
            server.ensureVhost(Optional.of(running()), name, home.resolve("rabbitmqctl.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BrokerVhost(server.endpoint().host(), server.endpoint().port(), USER, USER, name);
    }

    /** Stops the node the way an operator does ({@code rabbitmqctl stop}): its clients lose their connections. */
    public synchronized void stop() {
        try {
            server.stop(running());
            node = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped node again on the same port and files, and returns once it takes connections. */
    public synchronized void startAgain() {
        if (node != null) {
            throw new IllegalStateException("the node runs already");
        }
        try {
            node = server.start(home, Progress.SILENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (node != null) {
            stop();
        }
    }

    private OwnedProcess running() {
        if (node == null) {
            throw new IllegalStateException("the node is stopped");
        }
        return node;
    }

    /**
     * An AMQP port whose Erlang ports are free too: a private node takes the AMQP port + 20000 for its distribution
     * and + 30000 for its port mapper (RabbitServer's convention), so the AMQP port is kept below 35536.
     */
    private static int freePort() {
        for (int tries = 0; tries < 100; tries++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, 35_536);
            if (free(port) && free(port + 20_000) && free(port + 30_000)) {
                return port;
            }
        }
        throw new IllegalStateException("found no free ports for a private RabbitMQ node");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
