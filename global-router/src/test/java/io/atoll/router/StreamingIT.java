package io.atoll.router;

import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies stream through the router both ways; HTTP/1.1 details (HEAD, 100-continue, pipelining, bad requests) hold. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingIT implements TestPropertyProvider {
    private static final int MEGABYTE = 1024 * 1024;
    /** Requests carry this hint to reach the stand-in cell rather than the close-delimited one. */
    private static final String[] EUROPE = {"X-Atoll-Rtt", "eu-west-1=1"};

    private final StandInCell cell = new StandInCell("eu-west-1");
    private final CloseDelimitedCell oldFashioned = new CloseDelimitedCell();
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder().write(List.of(RegistryFileWriter.entry(cell),
            new RegistryFileWriter.Entry("old-1", "old-1", "http://127.0.0.1:" + oldFashioned.port(), "active")));
    @Inject
    DataPlaneServer dataPlane;
    private RouterClient client;

    @Override
    public Map<String, String> getProperties() {
        return RouterTestProperties.of(database, registry.file());
    }

    @BeforeAll
    void openClient() {
        client = new RouterClient(dataPlane.port());
    }

    @AfterAll
    void stopCells() throws IOException {
        cell.close();
        oldFashioned.close();
        database.close();
    }

    @Test
    void uploadReachesTheCellWhileTheClientIsStillSending() {
        GeneratedBody body = new GeneratedBody(64L * MEGABYTE, MEGABYTE, cell);

        HttpResponse<String> response = client.send(toEurope("/upload").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build());

        assertThat(body.cellHadBytesBeforeTheRest).isTrue();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Long.toString(64L * MEGABYTE));
    }

    @Test
    void responseReachesTheClientWhileTheCellIsStillSending() throws IOException, InterruptedException {
        cell.holdStream();
        try {
            HttpResponse<InputStream> response = client.send(toEurope("/stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("first");
                cell.releaseStream();
                assertThat(lines.readLine()).isEqualTo("last");
                assertThat(lines.readLine()).isNull();
            }
            assertThat(RouterClient.cell(response)).isEqualTo("eu-west-1");
        } finally {
            cell.releaseStream();
        }
    }

    @Test
    void uploadAskingForContinueIsAnswered() {
        HttpResponse<String> response = client.send(toEurope("/upload").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3 * MEGABYTE])).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Integer.toString(3 * MEGABYTE));
    }

    @Test
    void headIsAnsweredWithoutABody() {
        HttpResponse<String> response = client.send(toEurope("/v1/feed").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> next = client.get("/v1/feed", EUROPE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(RouterClient.cell(response)).isEqualTo("eu-west-1");
        assertThat(next.body()).isEqualTo("eu-west-1");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/first HTTP/1.1\r\nHost: router\r\nX-Atoll-Rtt: eu-west-1=1\r\n\r\n"
                    + "POST /v1/second HTTP/1.1\r\nHost: router\r\nX-Atoll-Rtt: eu-west-1=1\r\nContent-Length: 2\r\n\r\n{}"
                    + "GET /v1/third HTTP/1.1\r\nHost: router\r\nX-Atoll-Rtt: eu-west-1=1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(4);
            assertThat(answers).containsIgnoringCase("connection: close");
        }
        assertThat(cell.received()).extracting(StandInCell.Received::path).containsSubsequence("/v1/first", "/v1/second", "/v1/third");
    }

    @Test
    void requestThatIsNotHttpIsAProblem() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /v1/feed HTTP/1.1\r\nHost: router\r\nBad Header Without Colon\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request").contains("application/problem+json")
                    .contains("X-Atoll-Cell: none").contains("\"status\":400");
        }
    }

    @Test
    void headersTooLargeAreAProblem() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /v1/feed HTTP/1.1\r\nHost: router\r\nX-Padding: " + "p".repeat(20_000) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 431 Request Header Fields Too Large").contains("application/problem+json");
        }
    }

    @Test
    void bodyEndedByClosingTheConnectionReachesTheClientChunked() {
        HttpResponse<String> first = client.get("/v1/legacy", "X-Atoll-Rtt", "old-1=1");
        HttpResponse<String> second = client.get("/v1/legacy", "X-Atoll-Rtt", "old-1=1");

        assertThat(first.body()).isEqualTo("until the connection closes");
        assertThat(first.headers().firstValue("Transfer-Encoding")).contains("chunked");
        assertThat(RouterClient.cell(first)).isEqualTo("old-1");
        assertThat(second.body()).isEqualTo("until the connection closes");
    }

    @Test
    void oneConnectionCarriesManyRequests() {
        for (int request = 0; request < 200; request++) {
            assertThat(client.get("/v1/feed/" + request, EUROPE).statusCode()).isEqualTo(200);
        }
        assertThat(cell.received()).filteredOn(received -> received.path().startsWith("/v1/feed/")).hasSize(200);
    }

    private HttpRequest.Builder toEurope(String path) {
        return client.request(path).headers(EUROPE);
    }

    /** A cell of the old school: it ends every response by closing the connection, without a length. */
    private static final class CloseDelimitedCell implements AutoCloseable {
        private final ServerSocket server;

        CloseDelimitedCell() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::serve, "close-delimited-cell");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
                    String line;
                    while ((line = request.readLine()) != null && !line.isEmpty()) {
                        // the request head is read and ignored
                    }
                    connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the connection closes"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    // the next connection, or the end of the test
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /**
     * A request body made up on the fly that, once it has given a first part, waits for the cell to report bytes
     * before giving the rest: it completes only if the router forwards the body as it arrives.
     */
    private static final class GeneratedBody extends InputStream {
        private final long size;
        private final long firstPart;
        private final StandInCell cell;
        private long position;
        private volatile boolean cellHadBytesBeforeTheRest;

        GeneratedBody(long size, long firstPart, StandInCell cell) {
            this.size = size;
            this.firstPart = firstPart;
            this.cell = cell;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            if (position == firstPart) {
                try {
                    cellHadBytesBeforeTheRest = cell.awaitUploadStarted(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long limit = position < firstPart ? firstPart : size;
            int count = (int) Math.min(length, limit - position);
            Arrays.fill(buffer, offset, offset + count, (byte) 'x');
            position += count;
            return count;
        }
    }
}
