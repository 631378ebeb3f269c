package io.atoll.router;

import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that goes quiet while the router waits on it loses its connection after the client idle timeout (here
 * 500 ms): inside a head, between requests, and before a credential request's body has named its account (then with
 * a 408). A client waiting for a slow cell's answer is not idle in that sense and gets its answer.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientIdleTimeoutIT implements TestPropertyProvider {
    private final StandInCell cell = new StandInCell("eu-west-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder().write(List.of(RegistryFileWriter.entry(cell)));
    @Inject
    DataPlaneServer dataPlane;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RouterTestProperties.of(database, registry.file()));
        properties.put("atoll.router.data-plane.client-idle-timeout", "500ms");
        return properties;
    }

    @AfterAll
    void stop() {
        cell.close();
        database.close();
    }

    @Test
    void aClientThatStallsInsideAHeadIsDisconnected() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /v1/feed HTTP/1.1\r\nHost: rou".getBytes(StandardCharsets.US_ASCII));

            assertThat(readToEnd(socket)).as("closed without an answer").isEmpty();
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterItsAnswer() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /v1/feed HTTP/1.1\r\nHost: router\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(readToEnd(socket)).startsWith("HTTP/1.1 200 OK").endsWith("eu-west-1");
        }
    }

    @Test
    void aCredentialRequestWhoseBodyNeverComesIsAnswered408() throws IOException {
        int reachedBefore = cell.received().size();
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: router\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 60\r\n\r\ngrant_type=pass").getBytes(StandardCharsets.US_ASCII));

            String answer = readToEnd(socket);

            assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout").contains("application/problem+json")
                    .contains("the request body did not arrive in time");
        }
        assertThat(cell.received()).hasSize(reachedBefore);
    }

    @Test
    void aClientWaitingLongerThanTheIdleTimeoutForASlowCellGetsItsAnswer() throws IOException {
        cell.holdRequests();
        ScheduledExecutorService release = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = connect()) {
            release.schedule(cell::releaseRequests, 1500, TimeUnit.MILLISECONDS);
            socket.getOutputStream().write("GET /v1/feed HTTP/1.1\r\nHost: router\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(readToEnd(socket)).startsWith("HTTP/1.1 200 OK").endsWith("eu-west-1");
        } finally {
            cell.releaseRequests();
            release.shutdownNow();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", dataPlane.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Everything the router sends until it closes the connection (a read that times out fails the test). */
    private static String readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        in.transferTo(received);
        return received.toString(StandardCharsets.US_ASCII);
    }
}
