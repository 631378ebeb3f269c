package io.atoll.router;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP server that answers like a cell's ingress, for the router to route to: it says which cell it is,
 * accepts sign-ups (one account per address), echoes bodies sent to {@code /echo}, serves a JWKS, and can be made unready,
 * failing (with a status of choice), silent (holding requests until released), rude (reading a request, then
 * closing the connection without an answer) or stopped and started again on the same port.
 */
final class StandInCell implements AutoCloseable {
    static final String ANSWERED_BY = "X-Stand-In-Cell";
    private static final Pattern EMAIL_FIELD = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");

    static {
        // Without it the JDK server's header and body segments wait out the router's delayed ACK (40 ms a request).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String id;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The e-mail addresses that signed up here. */
    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    private volatile String jwks = "{\"keys\":[]}";
    private volatile boolean ready = true;
    /** The status every API request is answered with while failing; 0 while not. */
    private volatile int failureStatus;
    private volatile boolean droppingConnections;
    private volatile CountDownLatch requestRelease = new CountDownLatch(0);
    private volatile CountDownLatch streamRelease = new CountDownLatch(0);
    private volatile CountDownLatch uploadStarted = new CountDownLatch(1);
    private int port;
    private HttpServer server;

    StandInCell(String id) {
        this.id = id;
        start();
    }

    String id() {
        return id;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts answering, on the port it had before if it had one. */
    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops at once, as a killed process would: the port closes and open connections are cut. */
    synchronized void stop() {
        server.stop(0);
    }

    void ready(boolean value) {
        ready = value;
    }

    /** Answers every API request with this status (a 5xx) from now on. */
    void failWith(int status) {
        failureStatus = status;
    }

    void stopFailing() {
        failureStatus = 0;
    }

    void droppingConnections(boolean value) {
        droppingConnections = value;
    }

    /** Makes API requests wait, unanswered, until {@link #releaseRequests()} (or 30 s). */
    void holdRequests() {
        requestRelease = new CountDownLatch(1);
    }

    void releaseRequests() {
        requestRelease.countDown();
    }

    void jwks(String value) {
        jwks = value;
    }

    /** Makes {@code GET /stream} send its first line and then wait until {@link #releaseStream()}. */
    void holdStream() {
        streamRelease = new CountDownLatch(1);
    }

    void releaseStream() {
        streamRelease.countDown();
    }

    /** Waits until the first bytes of an upload arrived. */
    boolean awaitUploadStarted(Duration timeout) throws InterruptedException {
        return uploadStarted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The requests that reached the cell's API (probes and JWKS fetches left out). */
    List<Received> received() {
        return List.copyOf(received);
    }

    long received(String method, String path) {
        return received.stream().filter(request -> request.method().equals(method) && request.path().equals(path)).count();
    }

    @Override
    public void close() {
        stop();
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health/readiness")) {
                respond(exchange, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                return;
            }
            if (path.equals("/.well-known/jwks.json")) {
                respond(exchange, 200, jwks);
                return;
            }
            received.add(new Received(method, path, Map.copyOf(exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(header -> header.getKey().toLowerCase(), header -> header.getValue().get(0), (a, b) -> a)))));
            if (droppingConnections) {
                // The whole request arrived, then the cell died: the client hears nothing.
                exchange.getRequestBody().readAllBytes();
                return;
            }
            await(requestRelease);
            if (failureStatus != 0) {
                respond(exchange, failureStatus, "{\"cell\":\"" + id + "\",\"error\":\"failing\"}");
            } else if (method.equals("POST") && path.equals("/v1/accounts")) {
                signUp(exchange, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } else if (path.equals("/echo")) {
                respond(exchange, 200, id + ":" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } else if (path.equals("/upload")) {
                respond(exchange, 200, Long.toString(countBody(exchange.getRequestBody())));
            } else if (path.equals("/stream")) {
                stream(exchange);
            } else {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 200, id);
            }
        }
    }

    /**
     * A sign-up as auth answers it: 400 without a password, 409 for an address that has an account here already,
     * 201 otherwise. The address is the body's {@code email}; a body without one (the older tests name their
     * account in a header) is always new.
     */
    private void signUp(HttpExchange exchange, String body) throws IOException {
        Matcher email = EMAIL_FIELD.matcher(body);
        if (!body.contains("\"password\"")) {
            respond(exchange, 400, "{\"cell\":\"" + id + "\",\"detail\":\"a password is required\"}");
        } else if (email.find() && !accounts.add(email.group(1).toLowerCase(Locale.ROOT))) {
            respond(exchange, 409, "{\"cell\":\"" + id + "\",\"detail\":\"the account exists\"}");
        } else {
            respond(exchange, 201, "{\"cell\":\"" + id + "\"}");
        }
    }

    private long countBody(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = body.read(buffer)) != -1) {
            total += read;
            uploadStarted.countDown();
        }
        return total;
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set(ANSWERED_BY, id);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write("first\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            await(streamRelease);
            body.write("last\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set(ANSWERED_BY, id);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void await(CountDownLatch release) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request as the cell received it; header names lower-cased. */
    record Received(String method, String path, Map<String, String> headers) {
    }
}
