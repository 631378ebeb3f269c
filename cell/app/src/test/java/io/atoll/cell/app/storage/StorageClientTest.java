package io.atoll.cell.app.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atoll.cell.app.config.ServiceJson;
import io.atoll.cell.app.config.StorageSettings;
import io.atoll.cell.app.domain.MemberRef;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.config.DeserializationConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The client against a stand-in for storage and the token endpoint that answers what each test needs. */
class StorageClientTest {
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final MemberRef MEMBER = new MemberRef("member 1", Optional.of("us-east-1"));

    private final HttpServer server = server();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Answer storageAnswers = exchange -> respond(exchange, 200, "application/json", "{\"ok\":true}", Map.of());
    private volatile Answer tokenAnswers = exchange -> respond(exchange, 200, "application/json",
            "{\"access_token\":\"token-" + tokensIssued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":600}", Map.of());

    @BeforeEach
    void start() {
        server.createContext("/oauth/token", exchange -> tokenAnswers.answer(exchange));
        server.createContext("/storage/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Auth-Home-Cell"), exchange.getRequestBody().readAllBytes().length));
            storageAnswers.answer(exchange);
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void sendsTheServiceTokenAndTheMembersHomeCellWithTheMemberIdAsOnePathSegment() {
        Map<String, Object> answer = client(url(), Duration.ofSeconds(5)).get("/storage/v1/members/" + StorageClient.segment(MEMBER.id()),
                Optional.of(MEMBER), JSON).body();

        assertThat(answer).containsEntry("ok", true);
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/storage/v1/members/member%201");
            assertThat(request.authorization()).isEqualTo("Bearer token-1");
            assertThat(request.homeCell()).isEqualTo("us-east-1");
        });
    }

    @Test
    void nothingListeningIsUnavailable() throws IOException {
        StorageClient client = client(URI.create("http://127.0.0.1:" + closedPort()), Duration.ofSeconds(5));

        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> client.get("/storage/v1/items", Optional.empty(), JSON));
    }

    @Test
    void aTokenEndpointThatCannotBeReachedOrRefusesTheClientIsUnavailable() throws IOException {
        tokenAnswers = exchange -> respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}", Map.of());
        StorageClient refused = client(url(), Duration.ofSeconds(5));
        StorageSettings noAuth = settings(url(), URI.create("http://127.0.0.1:" + closedPort() + "/oauth/token"), Duration.ofSeconds(5));
        StorageClient unreachable = new StorageClient(noAuth, ServiceTokenFactory.tokens(noAuth, ObjectMapper.getDefault(), Clock.systemUTC()), json());

        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> refused.get("/storage/v1/items", Optional.empty(), JSON));
        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> unreachable.get("/storage/v1/items", Optional.empty(), JSON));
        assertThat(seen).isEmpty();
    }

    @Test
    void anAnswerThatTakesLongerThanTheTimeoutIsUnavailable() {
        storageAnswers = exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/json", "{}", Map.of());
        };

        assertThatExceptionOfType(StorageUnavailableException.class)
                .isThrownBy(() -> client(url(), Duration.ofMillis(300)).get("/storage/v1/items", Optional.empty(), JSON));
    }

    @Test
    void gatewayErrorsAndServerErrorsAreUnavailableWithStoragesRetryAfterWhenItGivesOne() {
        for (int status : List.of(500, 502, 503, 504)) {
            storageAnswers = exchange -> respond(exchange, status, "application/problem+json",
                    "{\"title\":\"Unavailable\",\"status\":" + status + "}", Map.of("Retry-After", "7"));

            assertThatExceptionOfType(StorageUnavailableException.class)
                    .isThrownBy(() -> client(url(), Duration.ofSeconds(5)).get("/storage/v1/items", Optional.empty(), JSON))
                    .satisfies(unavailable -> assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(7)));
        }
    }

    @Test
    void storagesProblemsReachTheMemberWithTheirStatusTitleAndDetailButNotStoragesAddresses() {
        storageAnswers = exchange -> respond(exchange, 422, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Unknown item\",\"status\":422,\"detail\":\"No item sku-9 is on sale.\","
                        + "\"instance\":\"/storage/v1/members/m/orders\",\"extra\":1}", Map.of());

        assertThatExceptionOfType(StorageRefusedException.class)
                .isThrownBy(() -> client(url(), Duration.ofSeconds(5)).send("POST", "/storage/v1/members/m/orders", MEMBER, Map.of("lines", List.of()),
                        Map.of("Idempotency-Key", "k"), JSON))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.title()).isEqualTo("Unknown item");
                    assertThat(refused.detail()).isEqualTo("No item sku-9 is on sale.");
                });
    }

    @Test
    void aRefusedTokenIsReplacedAndTheRequestSentOnceMore() {
        AtomicInteger calls = new AtomicInteger();
        storageAnswers = exchange -> {
            if (calls.incrementAndGet() == 1) {
                respond(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}", Map.of());
            } else {
                respond(exchange, 200, "application/json", "{\"ok\":true}", Map.of());
            }
        };
        StorageClient client = client(url(), Duration.ofSeconds(5));

        Map<String, Object> answer = client.send("PUT", "/storage/v1/members/m", MEMBER, Map.of("name", "Ada"), Map.of(), JSON).body();

        assertThat(answer).containsEntry("ok", true);
        assertThat(seen).extracting(Seen::authorization).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(seen).extracting(Seen::bodyBytes).containsExactly(14, 14);
    }

    @Test
    void anUploadWhoseTokenIsRefusedIsNotSentAgainButTheNextOneTakesANewToken() {
        storageAnswers = exchange -> respond(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}", Map.of());
        StorageClient client = client(url(), Duration.ofSeconds(5));

        assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(() -> client.upload("/storage/v1/members/m/uploads", MEMBER, 4,
                new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), JSON));
        storageAnswers = exchange -> respond(exchange, 201, "application/json", "{\"id\":\"u1\"}", Map.of());
        Map<String, Object> stored = client.upload("/storage/v1/members/m/uploads", MEMBER, 4, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), JSON)
                .body();

        assertThat(stored).containsEntry("id", "u1");
        assertThat(seen).extracting(Seen::authorization).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(seen).extracting(Seen::bodyBytes).containsExactly(4, 4);
    }

    @Test
    void aForbiddenTokenIsTheAppsMisconfigurationAndUnavailableToTheMember() {
        storageAnswers = exchange -> respond(exchange, 403, "application/problem+json", "{\"title\":\"Forbidden\",\"status\":403}", Map.of());

        assertThatExceptionOfType(StorageUnavailableException.class)
                .isThrownBy(() -> client(url(), Duration.ofSeconds(5)).get("/storage/v1/items", Optional.empty(), JSON));
    }

    private StorageClient client(URI url, Duration requestTimeout) {
        StorageSettings settings = settings(url, URI.create(url() + "/oauth/token"), requestTimeout);
        ServiceJson json = json();
        return new StorageClient(settings, ServiceTokenFactory.tokens(settings, ObjectMapper.getDefault(), Clock.systemUTC()), json);
    }

    private static StorageSettings settings(URI url, URI tokenUrl, Duration requestTimeout) {
        return new StorageSettings(url, tokenUrl, "app", "secret", "storage:read storage:write", Duration.ofSeconds(1), requestTimeout,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    static ServiceJson json() {
        return new ServiceJson(ObjectMapper.getDefault(), new DeserializationConfiguration() {
            @Override
            public boolean isIgnoreUnknown() {
                return false;
            }

            @Override
            public int getArraySizeThreshold() {
                return 100;
            }

            @Override
            public boolean isStrictNullable() {
                return false;
            }
        });
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

    private static void respond(HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length);
        try (InputStream ignored = exchange.getRequestBody(); var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @FunctionalInterface
    private interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private record Seen(String method, String path, String authorization, String homeCell, int bodyBytes) {
    }
}
