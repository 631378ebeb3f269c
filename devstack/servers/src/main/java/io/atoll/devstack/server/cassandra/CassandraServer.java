package io.atoll.devstack.server.cassandra;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.Processes;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.JavaRuntimes;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.ServerClasspath;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Cassandra from {@code cassandra-all}, run as a JVM of its own on JDK 17 with a generated
 * configuration and its data in the platform's state folder.
 */
public final class CassandraServer implements Server {
    public static final String NAME = "cassandra";
    /** CQL native protocol v4: the request and response version bytes, and the opcodes the probe sends and expects. */
    private static final int V4_REQUEST = 0x04;
    private static final int V4_RESPONSE = 0x84;
    private static final int OPTIONS = 0x05;
    private static final int STARTUP = 0x01;
    private static final int READY = 0x02;
    private static final int QUERY = 0x07;
    private static final int RESULT = 0x08;
    private static final int CONSISTENCY_ONE = 0x0001;
    /** Cassandra's own jvm17-server.options: what Cassandra 5.0 needs opened up on JDK 17. */
    private static final List<String> JPMS_FLAGS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private final String name;
    private final CassandraNode node;

    /** The single node of a one-datacenter cluster, named {@value #NAME}. */
    public CassandraServer(CassandraNode node) {
        this(NAME, node);
    }

    public CassandraServer(String name, CassandraNode node) {
        this.name = requireNonNull(name, "name is null");
        this.node = requireNonNull(node, "node is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Endpoint endpoint() {
        return node.cql();
    }

    @Override
    public String portSetting() {
        return "--cassandra-port / ATOLL_CASSANDRA_PORT";
    }

    public String datacenter() {
        return node.datacenter();
    }

    @Override
    public Answer probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint().host(), endpoint().port()), 500);
            socket.setSoTimeout(2000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeByte(V4_REQUEST);
            out.writeByte(0);
            out.writeShort(1);
            out.writeByte(OPTIONS);
            out.writeInt(0);
            out.flush();
            InputStream in = new DataInputStream(socket.getInputStream());
            if (in.read() != V4_RESPONSE) {
                return Answer.FOREIGN;
            }
        } catch (IOException e) {
            return Readiness.classify(e);
        }
        return query();
    }

    /**
     * The readiness the platform promises: a CQL query answers, not just an open port. Written as the protocol's
     * three frames because the driver takes seconds to open a session, and status answers in under two.
     */
    private Answer query() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint().host(), endpoint().port()), 500);
            socket.setSoTimeout(1000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteArrayOutputStream startup = new ByteArrayOutputStream();
            DataOutputStream options = new DataOutputStream(startup);
            options.writeShort(1);
            writeString(options, "CQL_VERSION");
            writeString(options, "3.0.0");
            if (exchange(out, in, STARTUP, startup.toByteArray()) != READY) {
                // AUTHENTICATE: a cluster with credentials the platform does not have.
                return Answer.STARTING;
            }
            ByteArrayOutputStream query = new ByteArrayOutputStream();
            DataOutputStream body = new DataOutputStream(query);
            byte[] cql = "SELECT release_version FROM system.local".getBytes(StandardCharsets.UTF_8);
            body.writeInt(cql.length);
            body.write(cql);
            body.writeShort(CONSISTENCY_ONE);
            body.writeByte(0);
            return exchange(out, in, QUERY, query.toByteArray()) == RESULT ? Answer.READY : Answer.STARTING;
        } catch (IOException e) {
            return Answer.STARTING;
        }
    }

    /** Sends one request frame and reads the whole answer; returns the answer's opcode. */
    private static int exchange(DataOutputStream out, DataInputStream in, int opcode, byte[] body) throws IOException {
        out.writeByte(V4_REQUEST);
        out.writeByte(0);
        out.writeShort(1);
        out.writeByte(opcode);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
        if (in.readUnsignedByte() != V4_RESPONSE) {
            throw new IOException("not a CQL v4 answer");
        }
        in.readUnsignedByte();
        in.readUnsignedShort();
        int answer = in.readUnsignedByte();
        in.skipNBytes(in.readInt());
        return answer;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        Path log = home.resolve("cassandra.log");
        Path conf = CassandraConfig.write(node, home);
        List<String> command = new ArrayList<>();
        command.add(JavaRuntimes.jdk17().toString());
        command.addAll(List.of("-Xms" + node.heap(), "-Xmx" + node.heap(), "-Xss256k",
                "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxGCPauseMillis=300",
                "-XX:ParallelGCThreads=2", "-XX:ConcGCThreads=1", "-Djava.net.preferIPv4Stack=true"));
        command.addAll(JPMS_FLAGS);
        command.addAll(List.of(
                "-Dcassandra.config=" + conf.resolve("cassandra.yaml").toUri(),
                "-Dcassandra-rackdc.properties=" + conf.resolve("cassandra-rackdc.properties").toUri(),
                "-Dlogback.configurationFile=" + conf.resolve("logback.xml").toUri(),
                "-Dcassandra.storagedir=" + home,
                "-Dcassandra.logdir=" + home.resolve("logs"),
                "-Dcassandra-foreground=yes",
                // A fresh single node need not wait for a gossip round it will never get.
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=1000",
                "-cp", conf + ":" + ServerClasspath.read("atoll/cassandra.classpath", "Cassandra"),
                "org.apache.cassandra.service.CassandraDaemon"));
        progress.report(name, "starting node (datacenter " + node.datacenter() + ", heap " + node.heap() + ") on " + endpoint());
        Process process = Processes.spawnDetached(command, Map.of(), home, log);
        Readiness.awaitStarted(this, process, Duration.ofSeconds(180), log);
        return OwnedProcess.of(name, process.toHandle(), log, Map.of("home", home.toString()));
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        var live = process.live();
        if (live.isPresent()) {
            Processes.terminate(live.get(), Duration.ofSeconds(30));
        }
    }
}
