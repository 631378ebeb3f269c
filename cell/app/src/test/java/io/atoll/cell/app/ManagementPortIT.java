package io.atoll.cell.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the app tells about itself is on its management port: health with its details, metrics, its OpenAPI document and
 * Swagger UI, its routes. The API port, the only one the ingress forwards to, answers the ingress's readiness probe with
 * a bare status and nothing else of that. No Cassandra is needed for any of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmbeddedServer app;
    private URI management;
    private URI api;

    @BeforeAll
    void start() throws Exception {
        app = ApplicationContext.run(EmbeddedServer.class, Map.of("atoll.app.cassandra.contact-points", "127.0.0.1:" + closedPort()), "test");
        management = Management.url(app).toURI();
        api = URI.create(app.getURL().toString());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theOpenApiDocumentDescribesTheMobileRoutesAndNotWhatTheIngressSupplies() throws Exception {
        HttpResponse<String> document = get(management, "/swagger/atoll-app.yml");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(document.body()).startsWith("openapi: 3.")
                .contains("\n  /v1/devices/{deviceId}/checkins:\n")
                .contains("\n  /v1/uploads/{uploadId}/content:\n")
                .as("the caller, which the identity headers give, is no parameter of the API").doesNotContainIgnoringCase("caller");
    }

    @Test
    void swaggerUiIsServedWithAllItsFilesFromTheServiceItself() throws Exception {
        HttpResponse<String> page = get(management, "/swagger-ui");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(page.body()).contains("'/swagger/atoll-app.yml'").contains("\"/swagger-ui/res/swagger-ui-bundle.js\"")
                .as("nothing from a CDN").doesNotContain("https://");
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "favicon-32x32.png")) {
            assertThat(get(management, "/swagger-ui/res/" + file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(get(management, "/swagger-ui/res/..%2F..%2Fatoll-app.yml").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiPortAnswersOnlyABareReadiness() throws Exception {
        HttpResponse<String> readiness = get(api, "/health/readiness");

        assertThat(readiness.statusCode()).as("Cassandra is away").isEqualTo(503);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(get(management, "/health").body()).contains("\"details\"").contains("cassandra");
        assertThat(get(management, "/prometheus").statusCode()).isEqualTo(200);
        for (String path : List.of("/health", "/prometheus", "/routes", "/swagger/atoll-app.yml", "/swagger-ui")) {
            assertThat(get(api, path).statusCode()).as(path + " on the API port").isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
