package io.atoll.devstack.server;

import io.atoll.devstack.server.cassandra.CassandraNode;
import io.atoll.devstack.server.cassandra.CassandraServer;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.rabbitmq.RabbitServer;
import io.atoll.devstack.server.s3.S3Account;
import io.atoll.devstack.server.s3.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each probe tells a closed port from one held by a program that speaks another protocol. */
class ProbeTest {
    @Test
    void aClosedPortIsSilent() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (Server server : servers(port)) {
            assertThat(server.probe()).as(server.name()).isEqualTo(Answer.SILENT);
        }
    }

    @Test
    void aPortHeldByAnHttpServerIsForeign() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            Thread responder = new Thread(() -> answerHttp(socket));
            responder.setDaemon(true);
            responder.start();
            for (Server server : servers(socket.getLocalPort())) {
                assertThat(server.probe()).as(server.name()).isEqualTo(Answer.FOREIGN);
            }
        }
    }

    private static List<Server> servers(int port) {
        Endpoint endpoint = Endpoint.loopback(port);
        return List.of(new PostgresServer(endpoint, "postgres"), new RabbitServer(endpoint, "guest", "guest"),
                new CassandraServer(CassandraNode.single(endpoint, 7000, "eu-west-1", "512m")), new S3ProxyServer(endpoint, S3Account.LOCAL));
    }

    private static void answerHttp(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                return;
            }
        }
    }
}
