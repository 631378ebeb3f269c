package io.atoll.cell.auth;

import com.sun.net.httpserver.HttpServer;
import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mobile API reference at the ingress: made from auth's generated document and the app's, or 503 without the app's. */
class MobileApiIT {
    private static final String APP_DOCUMENT = """
            openapi: 3.0.1
            info:
              title: atoll-app
              version: 1.0.0
            paths:
              /v1/devices:
                get:
                  operationId: list
                  responses:
                    "200":
                      description: the member's devices
            """;

    @Test
    void theReferenceHoldsTheAppsOperationsAndAuthsForMembersWithoutAToken() throws IOException {
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/swagger/atoll-app.yml", exchange -> {
            byte[] body = APP_DOCUMENT.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        app.start();
        try (AuthCell cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of("atoll.auth.mobile-api.app-document-url",
                "http://127.0.0.1:" + app.getAddress().getPort() + "/swagger/atoll-app.yml"))) {
            HttpResponse<String> reference = Http.get(cell.uri("/openapi/mobile-api.yml"));

            assertThat(reference.statusCode()).isEqualTo(200);
            assertThat(reference.headers().firstValue("content-type")).hasValue("application/yaml");
            assertThat(reference.body()).contains("title: Atoll mobile API").contains("\n  /v1/devices:\n").contains("\n  /oauth/token:\n")
                    .contains("\n  /v1/accounts:\n").contains("\n  /.well-known/jwks.json:\n")
                    .doesNotContain("/oauth/introspect").doesNotContain("/auth/check").doesNotContain("/health/");
            assertThat(reference.body()).as("the OAuth endpoints' forms and answers, which the generator cannot see in a map")
                    .contains("#/components/schemas/TokenRequest").contains("#/components/schemas/RevocationRequest")
                    .contains("#/components/schemas/TokenResponse").contains("#/components/schemas/OAuthErrorResponse")
                    .contains("grant_type:").contains("refresh_token:").contains("token_type_hint:")
                    .as("the names on the wire (snake_case), not the records' own").contains("access_token:").contains("error_description:")
                    .contains("grant_types_supported:").doesNotContain("accessToken").doesNotContain("grantTypesSupported");
        } finally {
            app.stop(0);
        }
    }

    @Test
    void withoutTheAppsDocumentTheReferenceIsUnavailable() {
        try (AuthCell cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of("atoll.auth.mobile-api.app-document-url",
                "http://127.0.0.1:" + AuthCell.freePort() + "/swagger/atoll-app.yml"))) {
            HttpResponse<String> reference = Http.get(cell.uri("/openapi/mobile-api.yml"));

            assertThat(reference.statusCode()).isEqualTo(503);
            assertThat(reference.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }
}
