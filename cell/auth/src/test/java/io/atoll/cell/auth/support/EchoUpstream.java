package io.atoll.cell.auth.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The app behind the proxy, as small as a real HTTP server gets: it answers with what it received (the
 * identity headers, the path, the number of body bytes). {@code .../stream/up} signals once the first
 * {@link #PART} bytes of a body have arrived, while the client is still holding the rest back;
 * {@code .../stream/down} sends {@link #PART} bytes and holds the rest back until the client has read them;
 * {@code .../cut} breaks its answer off after the first bytes.
 */
public final class EchoUpstream implements AutoCloseable {
    public static final int PART = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, CountDownLatch> firstPartArrived = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> firstPartRead = new ConcurrentHashMap<>();

    public EchoUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::echo);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The latch {@code .../stream/up?id=...} counts down when the first part of the body has arrived. */
    public CountDownLatch firstPartArrived(String id) {
        return firstPartArrived.computeIfAbsent(id, key -> new CountDownLatch(1));
    }

    /** The latch a client counts down once it has read the first part of a {@code .../stream/down?id=...} answer. */
    public CountDownLatch firstPartRead(String id) {
        return firstPartRead.computeIfAbsent(id, key -> new CountDownLatch(1));
    }

    private void echo(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String id = query != null && query.startsWith("id=") ? query.substring(3) : "";
        long received;
        try (InputStream body = exchange.getRequestBody()) {
            received = path.endsWith("/stream/up") ? readSignallingFirstPart(body, firstPartArrived(id)) : body.transferTo(OutputStream.nullOutputStream());
        }
        exchange.getResponseHeaders().put("X-Seen-Subject", seen(exchange, "X-Auth-Subject"));
        exchange.getResponseHeaders().put("X-Seen-Scopes", seen(exchange, "X-Auth-Scopes"));
        exchange.getResponseHeaders().put("X-Seen-Home-Cell", seen(exchange, "X-Auth-Home-Cell"));
        exchange.getResponseHeaders().put("X-Seen-Path", List.of(exchange.getRequestURI().toString()));
        exchange.getResponseHeaders().put("X-Seen-Bytes", List.of(String.valueOf(received)));
        exchange.getResponseHeaders().put("X-Seen-Forwarded-For", seen(exchange, "X-Forwarded-For"));
        exchange.getResponseHeaders().put("X-Seen-Traceparent", seen(exchange, "traceparent"));
        if (path.endsWith("/cut")) {
            // Promises more than it sends: closing the exchange early ends the connection, an answer broken off half-way.
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            exchange.close();
            return;
        }
        if (path.endsWith("/stream/down")) {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[PART]);
                out.flush();
                awaitOrFail(firstPartRead(id));
                out.write(new byte[PART]);
            }
            return;
        }
        byte[] answer = ("bytes=" + received).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static List<String> seen(HttpExchange exchange, String header) {
        List<String> values = exchange.getRequestHeaders().get(header);
        return values == null ? List.of("<none>") : List.of(String.join("|", values));
    }

    private static long readSignallingFirstPart(InputStream body, CountDownLatch firstPart) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = body.read(buffer)) >= 0) {
            total += read;
            // Half the part is proof enough: the hops in between may each hold a buffer or two back.
            if (total >= PART / 2) {
                firstPart.countDown();
            }
        }
        return total;
    }

    static void awaitOrFail(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IOException("the other side never got the first part: the body was not streamed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
