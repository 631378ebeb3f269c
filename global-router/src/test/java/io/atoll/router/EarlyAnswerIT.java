package io.atoll.router;

import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.EarlyAnsweringUpstream;
import io.atoll.testing.EarlyAnsweringUpstream.Ending;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cell may answer before the request's body has all arrived (a refused token, a body too large, a path it does
 * not serve): that answer reaches the client as the cell gave it, however the cell then ends its connection, and
 * the router drops the rest of the body, ends the client's connection without a reset, and reuses no connection
 * that carried part of a body.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlyAnswerIT implements TestPropertyProvider {
    private static final int[] STATUSES = {404, 401, 403, 413, 415, 422};
    private static final int MEBIBYTE = 1024 * 1024;
    /** Up to the cells' ingress limit (32 MiB): the router itself sets none. */
    private static final int[] SIZES = {64 * 1024, 700_000, 8 * MEBIBYTE, 32 * MEBIBYTE};

    private final EarlyAnsweringUpstream cell = new EarlyAnsweringUpstream("eu-west-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder()
            .write(List.of(new RegistryFileWriter.Entry(cell.id(), cell.id(), cell.url().toString(), "active")));
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
    void stop() {
        cell.close();
        database.close();
    }

    @Test
    void anEarlyAnswerReachesTheClientWhenTheCellResetsItsConnection() {
        earlyAnswersReachTheClient(Ending.RESET);
    }

    @Test
    void anEarlyAnswerReachesTheClientWhenTheCellDrainsTheBodyAndCloses() {
        earlyAnswersReachTheClient(Ending.DRAIN);
    }

    @Test
    void anEarlyAnswerReachesTheClientWhenTheCellKeepsItsConnection() {
        earlyAnswersReachTheClient(Ending.KEEP_ALIVE);
    }

    @Test
    void theRestOfTheBodyIsReadAndDroppedAndTheConnectionEndsWithIt() throws IOException {
        int size = 8 * MEBIBYTE;
        String requestId = UUID.randomUUID().toString();
        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(Ending.RESET.path(404), requestId, size));
            out.write(new byte[64 * 1024]);
            out.flush();

            InputStream in = new BufferedInputStream(socket.getInputStream());
            String answer = readAnswer(in);
            assertThat(answer).startsWith("HTTP/1.1 404 ").containsIgnoringCase("connection: close")
                    .endsWith(EarlyAnsweringUpstream.problem(404, requestId));
            // A router that closed at once would reset the connection under these writes.
            out.write(new byte[size - 64 * 1024]);
            out.flush();
            long bodyEnd = System.nanoTime();

            assertThat(in.read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - bodyEnd)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aClientStillTricklingItsBodyIsClosedOnAfterSeconds() throws Exception {
        String requestId = UUID.randomUUID().toString();
        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(Ending.DRAIN.path(413), requestId, MEBIBYTE));
            out.write(new byte[1024]);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());

            assertThat(readAnswer(in)).startsWith("HTTP/1.1 413 ").endsWith(EarlyAnsweringUpstream.problem(413, requestId));
            assertThat(in.read()).as("the answer is followed by the end of the stream").isEqualTo(-1);
            // The router reads the rest of the body a while, then closes: a write after that is refused.
            assertThat(trickleUntilRefused(out)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    /** Every status at every size, many times, each followed by a request on a fresh connection that must succeed. */
    private void earlyAnswersReachTheClient(Ending ending) {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (int size : SIZES) {
            byte[] body = new byte[size];
            int repetitions = size > MEBIBYTE ? 12 : 60;
            for (int request = 0; request < repetitions; request++, sent++) {
                send(ending, body, STATUSES[request % STATUSES.length], wrong);
                HttpResponse<String> next = client.post("/v1/orders", "{}");
                if (next.statusCode() != 200 || !next.body().equals("eu-west-1:2")) {
                    wrong.add("the next request answered " + next.statusCode() + " " + next.body());
                }
            }
        }

        assertThat(wrong).as("%d of %d early answers (or the requests after them) lost", wrong.size(), sent).isEmpty();
    }

    private void send(Ending ending, byte[] body, int status, List<String> wrong) {
        String requestId = UUID.randomUUID().toString();
        try {
            HttpResponse<String> response = client.send(client.request(ending.path(status)).timeout(Duration.ofSeconds(30))
                    .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            if (response.statusCode() != status || !response.body().equals(EarlyAnsweringUpstream.problem(status, requestId))
                    || !"eu-west-1".equals(RouterClient.cell(response))) {
                wrong.add(body.length + " bytes, " + status + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (UncheckedIOException e) {
            wrong.add(body.length + " bytes, " + status + " failed: " + e.getCause());
        }
    }

    private static byte[] head(String path, String requestId, int contentLength) {
        return ("POST " + path + " HTTP/1.1\r\nHost: router\r\nX-Request-Id: " + requestId + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One answer framed by its Content-Length, as text. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the answer's head ended early: %s", head).isNotEqualTo(-1);
            head.write(next);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = text.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Sends a few bytes every 50 ms, as a slow client would, until the connection refuses them; how long that took. */
    private static Duration trickleUntilRefused(OutputStream out) throws InterruptedException {
        long start = System.nanoTime();
        try {
            while (System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
                out.write(new byte[16]);
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException refused) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        return Duration.ofSeconds(20);
    }
}
