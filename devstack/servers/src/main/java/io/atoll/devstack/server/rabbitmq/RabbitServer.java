package io.atoll.devstack.server.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.Processes;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.ServerStartException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * RabbitMQ: a running broker where one answers, otherwise a private node of the installed Debian
 * package with its own node name, ports, files and Erlang port mapper, so it never touches a system broker.
 */
public final class RabbitServer implements Server {
    public static final String NAME = "rabbitmq";
    private static final Path INSTALLATION = Path.of("/usr/lib/rabbitmq/bin");
    private static final byte[] AMQP_0_9_1_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    /** The first byte of an AMQP method frame: a broker answers the header with Connection.Start. */
    private static final int METHOD_FRAME = 1;

    private final Endpoint endpoint;
    private final String user;
    private final String password;

    public RabbitServer(Endpoint endpoint, String user, String password) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String portSetting() {
        return "--rabbitmq-port / ATOLL_RABBITMQ_PORT";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The Erlang node name of a private broker on this port. */
    public String nodeName() {
        return "atoll-" + endpoint.port() + "@localhost";
    }

    @Override
    public Answer probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 500);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(AMQP_0_9_1_HEADER);
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first != METHOD_FRAME && first != 'A') {
                return Answer.FOREIGN;
            }
        } catch (IOException e) {
            return Readiness.classify(e);
        }
        return connect();
    }

    private Answer connect() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(endpoint.host());
        factory.setPort(endpoint.port());
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setConnectionTimeout(2000);
        factory.setAutomaticRecoveryEnabled(false);
        try (Connection connection = factory.newConnection("atoll-probe")) {
            connection.createChannel().close();
            return Answer.READY;
        } catch (IOException | TimeoutException e) {
            return Answer.STARTING;
        }
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        Path server = INSTALLATION.resolve("rabbitmq-server");
        if (!Files.isExecutable(server)) {
            throw new IOException("RabbitMQ is not installed here: install Debian's package (apt-get install rabbitmq-server)"
                    + " or set " + portSetting() + " to a running broker");
        }
        Path log = home.resolve("rabbitmq.log");
        Map<String, String> environment = environment(home);
        Files.createDirectories(home.resolve("mnesia"));
        Files.writeString(home.resolve("rabbitmq-env.conf"), "");
        Files.writeString(home.resolve("enabled_plugins"), "[].\n");
        Files.writeString(home.resolve("rabbitmq.conf"), "loopback_users.guest = true\n");
        progress.report(NAME, "starting private node " + nodeName() + " on " + endpoint);
        int exit = Processes.run(List.of(server.toString(), "-detached"), environment, log, Duration.ofSeconds(60));
        if (exit != 0) {
            throw new ServerStartException(NAME, "did not start (exit code " + exit + ")", log);
        }
        Path pidFile = home.resolve("rabbitmq.pid");
        Readiness.await(this, Duration.ofSeconds(60), log);
        long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        ProcessHandle beam = ProcessHandle.of(pid)
                .orElseThrow(() -> new ServerStartException(NAME, "exited right after starting", log));
        return OwnedProcess.of(NAME, beam, log, Map.of("home", home.toString(), "node", nodeName(),
                "epmdPort", Integer.toString(epmdPort())));
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        int exit = control(Optional.of(process), List.of("stop", Path.of(process.detail("home")).resolve("rabbitmq.pid").toString()),
                process.log());
        if (exit != 0) {
            var live = process.live();
            if (live.isPresent()) {
                Processes.terminate(live.get(), Duration.ofSeconds(20));
            }
        }
        // The node's Erlang port mapper runs on a port of its own and is ours to stop.
        Processes.run(List.of("epmd", "-port", process.detail("epmdPort"), "-kill"), controlEnvironment(process), process.log(),
                Duration.ofSeconds(15));
    }

    /**
     * Creates the vhost unless it exists and opens it to this broker's user: each cell's services have a vhost of
     * their own on the shared broker. {@code owned} is the private node, when the platform started one.
     */
    public void ensureVhost(Optional<OwnedProcess> owned, String vhost, Path log) throws IOException {
        // Both commands change nothing when run again.
        for (List<String> arguments : List.of(List.of("add_vhost", vhost), List.of("set_permissions", "-p", vhost, user, ".*", ".*", ".*"))) {
            int exit = control(owned, arguments, log);
            if (exit != 0) {
                throw new IOException("rabbitmqctl " + String.join(" ", arguments) + " failed with exit code " + exit + " (log: " + log + ")");
            }
        }
    }

    /**
     * Runs {@code rabbitmqctl} against this broker: the private node {@code owned} when the platform
     * started one, else the broker installed on this machine (whose own settings name its node).
     *
     * @return the exit code
     */
    public int control(Optional<OwnedProcess> owned, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        Map<String, String> environment = Map.of();
        if (owned.isPresent()) {
            command.addAll(List.of(INSTALLATION.resolve("rabbitmqctl").toString(), "-n", owned.get().detail("node")));
            environment = controlEnvironment(owned.get());
        } else {
            // The installed wrapper runs the tool as the broker's own user, with that user's Erlang cookie.
            command.add("rabbitmqctl");
        }
        command.addAll(arguments);
        return Processes.run(command, environment, log, Duration.ofSeconds(60));
    }

    /**
     * Only what the control tool needs to find a private node: given the node's own ports, it would
     * try to listen on them itself and hang.
     */
    private static Map<String, String> controlEnvironment(OwnedProcess process) {
        Path home = Path.of(process.detail("home"));
        return Map.of(
                "HOME", home.toString(),
                "RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString(),
                "ERL_EPMD_PORT", process.detail("epmdPort"),
                "ERL_EPMD_ADDRESS", "127.0.0.1");
    }

    /** Erlang distribution port: by RabbitMQ's own convention, the AMQP port + 20000. */
    int distributionPort() {
        return shifted(20000);
    }

    /** A private Erlang port mapper, so stopping it never disturbs another node's. */
    int epmdPort() {
        return shifted(30000);
    }

    private int shifted(int offset) {
        int port = endpoint.port();
        return port + offset <= 65535 ? port + offset : port - offset;
    }

    private Map<String, String> environment(Path home) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString());
        environment.put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq.conf").toString());
        environment.put("RABBITMQ_ADVANCED_CONFIG_FILE", home.resolve("advanced.config").toString());
        environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
        environment.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
        environment.put("RABBITMQ_LOG_BASE", home.resolve("logs").toString());
        environment.put("RABBITMQ_PID_FILE", home.resolve("rabbitmq.pid").toString());
        environment.put("RABBITMQ_NODENAME", nodeName());
        environment.put("RABBITMQ_NODE_IP_ADDRESS", endpoint.host());
        environment.put("RABBITMQ_NODE_PORT", Integer.toString(endpoint.port()));
        environment.put("RABBITMQ_DIST_PORT", Integer.toString(distributionPort()));
        environment.put("ERL_EPMD_PORT", Integer.toString(epmdPort()));
        environment.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        return environment;
    }
}
