package io.atoll.cell.workers.notify.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on the loopback that plays a notification's receiver: it keeps every request it gets and
 * answers each with the same status and body, at once or after a delay, or never answers at all.
 */
public final class HttpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    /** One request as it arrived. */
    public record Received(String method, String path, Headers headers, byte[] body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private HttpReceiver(int status, String body, Map<String, String> headers, Duration delay, boolean silent) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(exchange, status, body, headers, delay, silent));
        server.start();
    }

    public static HttpReceiver answering(int status, String body) throws IOException {
        return new HttpReceiver(status, body, Map.of(), Duration.ZERO, false);
    }

    public static HttpReceiver answering(int status, String body, Map<String, String> headers) throws IOException {
        return new HttpReceiver(status, body, headers, Duration.ZERO, false);
    }

    /** Holds each request for {@code delay} before answering it with {@code status} and no body. */
    public static HttpReceiver answeringAfter(Duration delay, int status) throws IOException {
        return new HttpReceiver(status, "", Map.of(), delay, false);
    }

    /** Takes the request and never answers it (until closed). */
    public static HttpReceiver silent() throws IOException {
        return new HttpReceiver(200, "", Map.of(), Duration.ZERO, true);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size());
        }
        return received.get(0);
    }

    private void answer(HttpExchange exchange, int status, String body, Map<String, String> headers, Duration delay, boolean silent)
            throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), in.readAllBytes()));
            if (silent) {
                closing.await(1, TimeUnit.MINUTES);
                return;
            }
            if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
