package io.atoll.devstack.server.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Runs one statement over Trino's client protocol (POST {@code /v1/statement}, then follow {@code nextUri}) as one
 * login, over HTTPS trusting only the server's own certificate. Written by hand because the JDBC driver is a large
 * jar of another Java line, and the platform only ever runs a few statements of its own (readiness, catalogs).
 */
final class StatementClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String authorization;
    private final String user;
    private final HttpClient http;

    StatementClient(URI server, Path certificate, String user, String password) throws IOException {
        this.server = requireNonNull(server, "server is null");
        this.user = requireNonNull(user, "user is null");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(500))
                .sslContext(trusting(certificate))
                .build();
    }

    /**
     * The statement's rows, each a list of JSON values.
     *
     * @throws TrinoQueryException when Trino refuses or fails the statement
     * @throws IOException when no answer in Trino's protocol comes back
     */
    List<List<JsonNode>> run(String sql, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode answer = send(HttpRequest.newBuilder(server.resolve("/v1/statement"))
                .POST(HttpRequest.BodyPublishers.ofString(sql)), timeout);
        List<List<JsonNode>> rows = new ArrayList<>();
        while (true) {
            answer.path("data").forEach(row -> {
                List<JsonNode> values = new ArrayList<>();
                row.forEach(values::add);
                rows.add(values);
            });
            if (answer.has("error")) {
                JsonNode error = answer.get("error");
                throw new TrinoQueryException(error.path("errorName").asText(), error.path("message").asText());
            }
            if (!answer.hasNonNull("nextUri")) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Trino did not finish '" + sql + "' within " + timeout.toMillis() + " ms");
            }
            answer = send(HttpRequest.newBuilder(URI.create(answer.get("nextUri").asText())).GET(), timeout);
        }
    }

    private JsonNode send(HttpRequest.Builder request, Duration timeout) throws IOException {
        HttpRequest built = request.timeout(timeout)
                .header("Authorization", authorization)
                .header("X-Trino-User", user)
                .header("X-Trino-Source", "atoll")
                .build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new TrinoQueryException("UNAUTHENTICATED", "HTTP " + response.statusCode() + " for " + user);
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + built.uri());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Trino ran a statement", e);
        }
    }

    private static SSLContext trusting(Path certificate) throws IOException {
        try (InputStream pem = Files.newInputStream(certificate)) {
            Certificate trusted = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("trino", trusted);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + certificate + ": " + e.getMessage(), e);
        }
    }
}
