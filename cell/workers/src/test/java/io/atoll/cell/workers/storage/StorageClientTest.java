package io.atoll.cell.workers.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atoll.cell.contracts.servicetoken.ClientCredentials;
import io.atoll.cell.contracts.servicetoken.OAuthTokenEndpoint;
import io.atoll.cell.contracts.servicetoken.ServiceTokens;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.config.StorageSettings;
import io.atoll.cell.workers.domain.pipeline.CompletionReport;
import io.atoll.cell.workers.domain.pipeline.Job;
import io.atoll.cell.workers.domain.pipeline.JobOutcome;
import io.atoll.cell.workers.domain.pipeline.JobRequest;
import io.atoll.cell.workers.domain.pipeline.NotificationRecord;
import io.atoll.cell.workers.domain.pipeline.PlannedJob;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The client against a stand-in for storage and the token endpoint that answers what each test needs. */
class StorageClientTest {
    private static final UUID REQUEST = UUID.fromString("9b2f4c1e-1111-4a2b-8c3d-123456789abc");
    private static final UUID JOB = UUID.fromString("0e6a1f22-2222-4b3c-9d4e-abcdefabcdef");
    private static final String REQUEST_VIEW = """
            {"id": "9b2f4c1e-1111-4a2b-8c3d-123456789abc", "kind": "photo", "memberId": "m-1", "subjectId": "u-1",
             "spec": {"uploadId": "u-1", "contentType": "image/jpeg"}, "status": "planned", "createdAt": "2026-11-21T12:00:00Z",
             "updatedAt": "2026-11-21T12:00:01Z", "completedAt": null, "summary": null, "addedLater": true,
             "jobs": [{"id": "0e6a1f22-2222-4b3c-9d4e-abcdefabcdef", "requestId": "9b2f4c1e-1111-4a2b-8c3d-123456789abc",
                       "kind": "photo-inspection", "status": "running", "attempts": 1, "timeoutSeconds": 60, "spec": {"uploadId": "u-1"},
                       "startedAt": "2026-11-21T12:00:02Z", "finishedAt": null, "leaseUntil": "2026-11-21T12:02:02Z", "exitCode": null,
                       "result": null, "stderr": null}],
             "notifications": []}""";

    @TempDir
    Path files;

    private final HttpServer server = server();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final TraceParent trace = TraceParent.newTrace();
    private volatile Answer storageAnswers = exchange -> respond(exchange, 200, "application/json", REQUEST_VIEW);
    private volatile Answer tokenAnswers = exchange -> respond(exchange, 200, "application/json",
            "{\"access_token\":\"token-" + tokensIssued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");

    @BeforeEach
    void start() {
        server.createContext("/oauth/token", exchange -> tokenAnswers.answer(exchange));
        server.createContext("/storage/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("traceparent"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            storageAnswers.answer(exchange);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsARequestWithItsJobsSendingTheServiceTokenAndTheTrace() {
        JobRequest request = client(url()).request(REQUEST, trace);

        assertThat(request.id()).isEqualTo(REQUEST);
        assertThat(request.planned()).isTrue();
        assertThat(request.spec()).containsEntry("uploadId", "u-1");
        assertThat(request.jobs()).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(JOB);
            assertThat(job.status()).isEqualTo(Job.RUNNING);
            assertThat(job.exitCode()).isNull();
            assertThat(job.leaseUntil()).isNotNull();
        });
        assertThat(seen).singleElement().satisfies(call -> {
            assertThat(call.method() + " " + call.path()).isEqualTo("GET /storage/v1/job-requests/" + REQUEST);
            assertThat(call.authorization()).isEqualTo("Bearer token-1");
            assertThat(call.traceparent()).isEqualTo(trace.header());
        });
    }

    @Test
    void writesThePlanTheOutcomeTheCompletionAndTheNotificationInTheContractsShapes() throws IOException {
        StorageClient client = client(url());
        client.plan(REQUEST, List.of(new PlannedJob(JOB, "noop", 5, Map.of())), trace);
        storageAnswers = exchange -> respond(exchange, 200, "application/json", jobView());
        client.recordOutcome(JOB, new JobOutcome(Job.FAILED, false, 1, null, "boom"), trace);
        storageAnswers = exchange -> respond(exchange, 200, "application/json", REQUEST_VIEW);
        client.complete(REQUEST, new CompletionReport("partial", Map.of("headline", "h"), "h"), trace);
        UUID notification = UUID.randomUUID();
        storageAnswers = exchange -> respond(exchange, 200, "application/json", "{\"id\": \"" + notification + "\", \"requestId\": \"" + REQUEST
                + "\", \"channel\": \"slack\", \"target\": \"https://hooks\", \"status\": \"failed\", \"attempts\": 2, \"lastError\": \"503\"}");
        NotificationRecord recorded = client.recordNotification(new NotificationRecord(notification, REQUEST, "slack", "https://hooks", "failed", 2,
                "503", null), trace);

        assertThat(recorded.attempts()).isEqualTo(2);
        List<Seen> calls = List.copyOf(seen);
        assertThat(calls).extracting(call -> call.method() + " " + call.path()).containsExactly(
                "PUT /storage/v1/job-requests/" + REQUEST + "/plan",
                "PUT /storage/v1/jobs/" + JOB + "/outcome",
                "PUT /storage/v1/job-requests/" + REQUEST + "/completion",
                "PUT /storage/v1/notifications/" + notification);
        assertThat(json(calls.get(0).body())).isEqualTo(Map.of("jobs", List.of(Map.of("id", JOB.toString(), "kind", "noop", "timeoutSeconds", 5,
                "spec", Map.of()))));
        assertThat(json(calls.get(1).body())).containsAllEntriesOf(Map.of("status", "failed", "final", false, "exitCode", 1, "stderr", "boom"))
                .containsEntry("result", null);
        assertThat(json(calls.get(2).body())).isEqualTo(Map.of("status", "partial", "summary", Map.of("headline", "h"), "headline", "h"));
        assertThat(json(calls.get(3).body())).isEqualTo(Map.of("requestId", REQUEST.toString(), "channel", "slack", "target", "https://hooks",
                "status", "failed", "attempts", 2, "lastError", "503"));
        assertThat(calls).allSatisfy(call -> assertThat(call.contentType()).isEqualTo("application/json"));
    }

    @Test
    void anAttemptOfAJobAlreadyFinalIsNone() {
        storageAnswers = exchange -> respond(exchange, 409, "application/problem+json", "{\"title\":\"Conflict\",\"status\":409}");

        assertThat(client(url()).startAttempt(JOB, Duration.ofSeconds(90), trace)).isEmpty();
        assertThat(seen).singleElement().satisfies(call -> assertThat(call.body()).isEqualTo("{\"leaseSeconds\":90}"));
    }

    @Test
    void aNotificationsAttemptIsStartedUnderALeaseAndNoneWhileAnotherHoldsIt() {
        UUID notification = UUID.randomUUID();
        storageAnswers = exchange -> respond(exchange, 200, "application/json", "{\"id\": \"" + notification + "\", \"requestId\": \"" + REQUEST
                + "\", \"channel\": \"webhook\", \"target\": \"https://hooks\", \"status\": \"pending\", \"attempts\": 2,"
                + " \"leaseUntil\": \"2026-12-06T12:00:00Z\", \"updatedAt\": \"2026-12-06T11:58:53Z\"}");
        StorageClient client = client(url());

        assertThat(client.startNotification(notification, REQUEST, "webhook", "https://hooks", Duration.ofSeconds(67), trace))
                .hasValueSatisfying(started -> assertThat(started.attempts()).isEqualTo(2));
        storageAnswers = exchange -> respond(exchange, 409, "application/problem+json", "{\"title\":\"Notification being sent\",\"status\":409}");
        assertThat(client.startNotification(notification, REQUEST, "webhook", "https://hooks", Duration.ofSeconds(67), trace)).isEmpty();

        assertThat(seen).allSatisfy(call -> {
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /storage/v1/notifications/" + notification + "/attempts");
            assertThat(json(call.body())).isEqualTo(Map.of("requestId", REQUEST.toString(), "channel", "webhook", "target", "https://hooks",
                    "leaseSeconds", 67));
        }).hasSize(2);
    }

    @Test
    void aHandledMessageIsFoundAndAnUnknownOneIsNot() {
        StorageClient client = client(url());
        assertThat(client.processed("executor", "m 1", trace)).isTrue();

        storageAnswers = exchange -> respond(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
        assertThat(client.processed("executor", "m 1", trace)).isFalse();
        assertThat(seen).extracting(Seen::path).containsOnly("/storage/v1/processed-messages/executor/m%201");
    }

    @Test
    void storagesProblemsAreRefusalsAndItsFailuresUnavailability() throws IOException {
        storageAnswers = exchange -> respond(exchange, 404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No job request " + REQUEST + ".\"}");
        assertThatExceptionOfType(StorageRefusedException.class).isThrownBy(() -> client(url()).request(REQUEST, trace))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(404);
                    assertThat(refused.title()).isEqualTo("Not Found");
                    assertThat(refused.detail()).startsWith("No job request " + REQUEST + ".");
                });

        for (int status : List.of(500, 502, 503)) {
            storageAnswers = exchange -> respond(exchange, status, "application/problem+json", "{\"status\":" + status + "}");
            assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> client(url()).request(REQUEST, trace));
        }

        StorageClient nothingThere = client(URI.create("http://127.0.0.1:" + closedPort()), url());
        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> nothingThere.staleJobs(trace));
    }

    @Test
    void aRefusedTokenIsReplacedAndTheCallSentOnceMore() {
        AtomicInteger calls = new AtomicInteger();
        storageAnswers = exchange -> {
            if (calls.incrementAndGet() == 1) {
                respond(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
            } else {
                respond(exchange, 201, "application/json", "{\"key\":\"uploads/m-1/u-1/derived/thumb-160.jpg\"}");
            }
        };

        String key = client(url()).storeDerived("u-1", "thumb-160.jpg", thumbnail(), "image/jpeg", trace);

        assertThat(key).isEqualTo("uploads/m-1/u-1/derived/thumb-160.jpg");
        assertThat(seen).extracting(Seen::authorization).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(seen).extracting(Seen::body).containsOnly("not really a jpeg");
        assertThat(seen).extracting(Seen::contentType).containsOnly("image/jpeg");
    }

    @Test
    void noTokenToBeHadIsUnavailableAndNothingReachesStorage() {
        tokenAnswers = exchange -> respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");

        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> client(url()).request(REQUEST, trace));
        assertThat(seen).isEmpty();
    }

    @Test
    void anUploadsContentIsWrittenToTheGivenFile() throws IOException {
        storageAnswers = exchange -> respond(exchange, 200, "image/jpeg", "the photo's bytes");
        Path original = files.resolve("original");

        client(url()).downloadUpload("u-1", original, trace);

        assertThat(original).hasContent("the photo's bytes");
        assertThat(seen).singleElement().satisfies(call -> assertThat(call.path()).isEqualTo("/storage/v1/uploads/u-1/content"));
    }

    @Test
    void purgingExpiredUploadsAsksForAtMostTheLimit() throws IOException {
        storageAnswers = exchange -> respond(exchange, 200, "application/json", "{\"purged\": 3, \"more\": true}");

        PurgedUploads purged = client(url()).purgeExpiredUploads(100);

        assertThat(purged).isEqualTo(new PurgedUploads(3, true));
        assertThat(seen).singleElement().satisfies(call -> {
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /storage/v1/uploads/purge-expired");
            assertThat(json(call.body())).isEqualTo(Map.of("limit", 100));
            assertThat(call.traceparent()).isNotBlank();
        });
    }

    private Path thumbnail() {
        try {
            return Files.writeString(files.resolve("thumb-160.jpg"), "not really a jpeg");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jobView() {
        return "{\"id\": \"" + JOB + "\", \"requestId\": \"" + REQUEST + "\", \"kind\": \"noop\", \"status\": \"pending\", \"attempts\": 1,"
                + " \"timeoutSeconds\": 5, \"spec\": {}}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws IOException {
        return ObjectMapper.getDefault().readValue(body, Map.class);
    }

    private StorageClient client(URI storage) {
        return client(storage, url());
    }

    private static StorageClient client(URI storage, URI auth) {
        StorageSettings settings = new StorageSettings(storage, URI.create(auth + "/oauth/token"), "workers", "secret", "storage:read storage:write",
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60));
        ObjectMapper json = ObjectMapper.getDefault();
        ServiceTokens tokens = new ServiceTokens(new OAuthTokenEndpoint(new ClientCredentials(settings.tokenUrl(), settings.clientId(),
                settings.clientSecret(), settings.scope()), settings.connectTimeout(), settings.requestTimeout(), json), settings.tokenRenewal(),
                Clock.systemUTC());
        return new StorageClient(settings, tokens, json);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @FunctionalInterface
    private interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private record Seen(String method, String path, String query, String authorization, String traceparent, String contentType, String body) {
    }
}
