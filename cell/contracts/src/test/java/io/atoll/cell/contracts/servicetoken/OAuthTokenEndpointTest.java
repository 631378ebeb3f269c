package io.atoll.cell.contracts.servicetoken;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The endpoint client against a stand-in for the cell auth's token endpoint that answers what each test needs. */
class OAuthTokenEndpointTest {
    private final HttpServer server = server();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> form = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":600,\"scope\":\"storage:read\"}";

    @BeforeEach
    void start() {
        server.createContext("/oauth/token", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            form.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, status, answer);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asksWithTheClientsFormEncodedCredentialsAndScopeAndTakesTheTokenWithItsLifetime() {
        TokenEndpoint.IssuedToken issued = endpoint(tokenUrl(), "workers client", "s:cret").issue();

        assertThat(issued.value()).isEqualTo("t-1");
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(600));
        assertThat(new String(Base64.getDecoder().decode(authorization.get().substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("workers+client:s%3Acret");
        assertThat(form.get()).isEqualTo("grant_type=client_credentials&scope=storage%3Aread+storage%3Awrite");
    }

    @Test
    void aRefusedClientIsUnavailable() {
        status = 401;
        answer = "{\"error\":\"invalid_client\"}";

        assertThatExceptionOfType(TokenUnavailableException.class).isThrownBy(() -> endpoint(tokenUrl(), "workers", "wrong").issue())
                .withMessageContaining("401");
    }

    @Test
    void anAnswerWithoutAUsableTokenIsUnavailable() {
        answer = "{\"token_type\":\"Bearer\",\"expires_in\":600}";

        assertThatExceptionOfType(TokenUnavailableException.class).isThrownBy(() -> endpoint(tokenUrl(), "workers", "secret").issue());
    }

    @Test
    void anEndpointThatCannotBeReachedIsUnavailable() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + closedPort() + "/oauth/token");

        assertThatExceptionOfType(TokenUnavailableException.class).isThrownBy(() -> endpoint(closed, "workers", "secret").issue())
                .withMessageContaining("cannot be reached");
    }

    @Test
    void theSecretStaysOutOfTheCredentialsText() {
        assertThat(new ClientCredentials(tokenUrl(), "workers", "s3cret", "storage:read").toString()).doesNotContain("s3cret");
    }

    private static OAuthTokenEndpoint endpoint(URI tokenUrl, String clientId, String secret) {
        return new OAuthTokenEndpoint(new ClientCredentials(tokenUrl, clientId, secret, "storage:read storage:write"), Duration.ofSeconds(1),
                Duration.ofSeconds(5), ObjectMapper.getDefault());
    }

    private URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token");
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

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
