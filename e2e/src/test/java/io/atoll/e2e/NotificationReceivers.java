package io.atoll.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Where the platform's workers send their notifications: a Slack incoming webhook, a signed-webhook receiver and
 * GitHub's REST API, standing in on one loopback HTTP server (the JDK's own) under a path each. Every request is
 * recorded with the answer it got: Slack's {@code 200 ok}, GitHub's {@code 201}, the webhook's {@code 204} — or the
 * webhook's {@code 500} while an outage the test declared lasts.
 */
final class NotificationReceivers {
    /** Slack's incoming webhooks look like this; the path is the credential. */
    private static final String SLACK_PATH = "/slack/services/T0E2E/B0E2E/e2e";
    private static final String WEBHOOK_PATH = "/webhook/atoll";
    private static final String GITHUB_API_PATH = "/github-api";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Outage> outages = new CopyOnWriteArrayList<>();

    /**
     * One request as it arrived.
     *
     * @param headers by lower-case name, the first value of each
     * @param answeredWith the status it was answered with
     */
    record Received(String method, String path, Map<String, String> headers, byte[] body, int answeredWith, Instant at) {
        Received {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** The next {@code remaining} requests {@code affected} matches are answered 500. */
    private record Outage(Predicate<Received> affected, AtomicInteger remaining) {
        boolean takes(Received request) {
            return affected.test(request) && remaining.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        }
    }

    private NotificationReceivers(HttpServer server) {
        this.server = requireNonNull(server, "server is null");
    }

    /** Listening on a port of the loopback the system chooses, until the test JVM exits. */
    static NotificationReceivers start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            NotificationReceivers receivers = new NotificationReceivers(server);
            ExecutorService handlers = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "notification-receiver");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(handlers);
            server.createContext("/", receivers::handle);
            server.start();
            return receivers;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the notification receivers", e);
        }
    }

    URI slack() {
        return base().resolve(SLACK_PATH);
    }

    URI webhook() {
        return base().resolve(WEBHOOK_PATH);
    }

    URI gitHubApi() {
        return base().resolve(GITHUB_API_PATH);
    }

    /** Answers 500 to the next {@code times} webhook requests that {@code affected} matches, as a receiver that is down would. */
    void failWebhookNext(int times, Predicate<Received> affected) {
        outages.add(new Outage(request -> request.path().equals(WEBHOOK_PATH) && affected.test(request), new AtomicInteger(times)));
    }

    List<Received> atSlack(Predicate<Received> which) {
        return received(request -> request.path().equals(SLACK_PATH) && which.test(request));
    }

    List<Received> atWebhook(Predicate<Received> which) {
        return received(request -> request.path().equals(WEBHOOK_PATH) && which.test(request));
    }

    /** Requests to GitHub's API, with their paths relative to its root (such as {@code /repos/o/r/statuses/sha}). */
    List<Received> atGitHub(Predicate<Received> which) {
        return received(request -> request.path().startsWith(GITHUB_API_PATH + "/")).stream()
                .map(request -> new Received(request.method(), request.path().substring(GITHUB_API_PATH.length()), request.headers(),
                        request.body(), request.answeredWith(), request.at()))
                .filter(which)
                .toList();
    }

    private List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(header -> header.getKey().toLowerCase(Locale.ROOT), header -> header.getValue().get(0),
                            (first, second) -> first));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body.readAllBytes(),
                    0, Instant.now());
            boolean down = outages.stream().anyMatch(outage -> outage.takes(request));
            Answer answer = down ? new Answer(500, "receiver unavailable") : answerFor(request.path());
            received.add(new Received(request.method(), request.path(), request.headers(), request.body(), answer.status(), request.at()));
            byte[] text = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), text.length == 0 ? -1 : text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        } finally {
            exchange.close();
        }
    }

    private record Answer(int status, String body) {
    }

    private static Answer answerFor(String path) {
        if (path.equals(SLACK_PATH)) {
            return new Answer(200, "ok");
        }
        if (path.equals(WEBHOOK_PATH)) {
            return new Answer(204, "");
        }
        if (path.startsWith(GITHUB_API_PATH + "/repos/")) {
            return new Answer(201, "{}");
        }
        return new Answer(404, "not found");
    }
}
