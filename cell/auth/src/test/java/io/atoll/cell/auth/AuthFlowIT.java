package io.atoll.cell.auth;

import io.atoll.cell.auth.domain.AuditEventType;
import io.atoll.cell.auth.store.AuditEventRepository;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import io.atoll.cell.auth.support.RawConnection;
import io.atoll.cell.contracts.RefreshTokenHome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's whole life with the cell's ingress: sign-up, sign-in, calls through the proxy, refresh, revoke. */
class AuthFlowIT extends EchoAppCellTest {
    @Test
    void signUpSignInCallRefreshRevoke() {
        Map<String, Object> tokens = Members.signUpAndIn(cell, "ada@example.com");
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("scope", "app").containsKey("refresh_token");
        assertThat(((Number) tokens.get("expires_in")).longValue()).isEqualTo(600);
        assertThat(RefreshTokenHome.cellOf((String) tokens.get("refresh_token"))).as("the router finds the cell that can refresh it").contains("eu-west-1");

        HttpResponse<String> call = Http.get(cell.uri("/v1/feed?cursor=abc"), "Authorization", "Bearer " + tokens.get("access_token"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("X-Seen-Path")).hasValue("/v1/feed?cursor=abc");
        assertThat(call.headers().firstValue("X-Seen-Scopes")).hasValue("app");
        assertThat(call.headers().firstValue("X-Seen-Home-Cell")).hasValue("eu-west-1");
        String subject = call.headers().firstValue("X-Seen-Subject").orElseThrow();
        assertThat(UUID.fromString(subject)).isNotNull();

        HttpResponse<String> refreshed = Http.postForm(cell.uri("/oauth/token"), "grant_type", "refresh_token",
                "refresh_token", (String) tokens.get("refresh_token"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> second = Http.json(refreshed);
        assertThat(second.get("refresh_token")).isNotEqualTo(tokens.get("refresh_token"));
        assertThat(Http.get(cell.uri("/v1/feed"), "Authorization", "Bearer " + second.get("access_token")).statusCode()).isEqualTo(200);

        assertThat(Http.postForm(cell.uri("/oauth/revoke"), "token", (String) second.get("refresh_token")).statusCode()).isEqualTo(200);
        HttpResponse<String> afterRevoke = Http.postForm(cell.uri("/oauth/token"), "grant_type", "refresh_token",
                "refresh_token", (String) second.get("refresh_token"));
        assertThat(afterRevoke.statusCode()).isEqualTo(400);
        assertThat(Http.json(afterRevoke)).containsEntry("error", "invalid_grant");
        // Revoking the family also revoked the access token issued with the revoked refresh token.
        assertThat(Http.get(cell.uri("/v1/feed"), "Authorization", "Bearer " + second.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(cell.bean(AuditEventRepository.class).findByTypeOrderById(AuditEventType.REVOKE)).isNotEmpty();
    }

    @Test
    void revokedAccessTokenIsRefused() {
        Map<String, Object> tokens = Members.signUpAndIn(cell, "grace@example.com");
        String access = (String) tokens.get("access_token");
        assertThat(Http.postForm(cell.uri("/oauth/revoke"), "token", access, "token_type_hint", "access_token").statusCode()).isEqualTo(200);

        HttpResponse<String> call = Http.get(cell.uri("/v1/feed"), "Authorization", "Bearer " + access);
        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(call.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
    }

    @Test
    void replayedRefreshTokenRevokesTheFamily() {
        Map<String, Object> tokens = Members.signUpAndIn(cell, "mallory-victim@example.com");
        String stolen = (String) tokens.get("refresh_token");
        Map<String, Object> owners = Http.json(Http.postForm(cell.uri("/oauth/token"), "grant_type", "refresh_token", "refresh_token", stolen));

        HttpResponse<String> replay = Http.postForm(cell.uri("/oauth/token"), "grant_type", "refresh_token", "refresh_token", stolen);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(Http.json(replay)).containsEntry("error", "invalid_grant");

        HttpResponse<String> ownersNext = Http.postForm(cell.uri("/oauth/token"), "grant_type", "refresh_token",
                "refresh_token", (String) owners.get("refresh_token"));
        assertThat(ownersNext.statusCode()).isEqualTo(400);
        assertThat(Http.get(cell.uri("/v1/feed"), "Authorization", "Bearer " + owners.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(cell.bean(AuditEventRepository.class).findByTypeOrderById(AuditEventType.REFRESH_REUSE)).hasSize(1);
    }

    @Test
    void signUpIsValidated() {
        assertThat(Http.postJson(cell.uri("/v1/accounts"), "{\"email\":\"not-an-address\",\"password\":\"" + Members.PASSWORD + "\"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> weak = Http.postJson(cell.uri("/v1/accounts"), "{\"email\":\"weak@example.com\",\"password\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.postJson(cell.uri("/v1/accounts"), "{\"email\":").statusCode()).isEqualTo(400);
        HttpResponse<String> unknownField = Http.postJson(cell.uri("/v1/accounts"),
                "{\"email\":\"extra@example.com\",\"password\":\"" + Members.PASSWORD + "\",\"nickname\":\"x\"}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("Unknown field 'nickname'").doesNotContain("io.atoll").doesNotContain("SignUpRequest");

        String body = "{\"email\":\"Twice@Example.com\",\"password\":\"" + Members.PASSWORD + "\"}";
        assertThat(Http.postJson(cell.uri("/v1/accounts"), body).statusCode()).isEqualTo(201);
        HttpResponse<String> duplicate = Http.postJson(cell.uri("/v1/accounts"), body.replace("Twice", "twice"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void ownEndpointsTakeOnlySmallBodiesOfKnownLength() throws Exception {
        HttpResponse<String> tooLarge = Http.postJson(cell.uri("/v1/accounts"),
                "{\"email\":\"big@example.com\",\"password\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> chunked = Http.client().send(HttpRequest.newBuilder(cell.uri("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("grant_type=password".getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
    }

    @Test
    void oauthErrorsFollowRfc6749() {
        HttpResponse<String> unsupported = Http.postForm(cell.uri("/oauth/token"), "grant_type", "implicit");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(Http.json(unsupported)).containsEntry("error", "unsupported_grant_type");

        HttpResponse<String> missing = Http.postForm(cell.uri("/oauth/token"), "grant_type", "password", "username", "x@example.com");
        assertThat(Http.json(missing)).containsEntry("error", "invalid_request");

        HttpResponse<String> wrong = Http.postForm(cell.uri("/oauth/token"), "grant_type", "password", "username", "nobody@example.com",
                "password", "whatever-it-is-123");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Http.json(wrong)).containsEntry("error", "invalid_grant");

        HttpResponse<String> badClient = Http.postForm(cell.uri("/oauth/token"), "grant_type", "client_credentials",
                "client_id", "nobody", "client_secret", "nothing");
        assertThat(badClient.statusCode()).isEqualTo(401);
        assertThat(Http.json(badClient)).containsEntry("error", "invalid_client");
    }

    @Test
    void proxyReplacesForgedIdentityHeaders() {
        Map<String, Object> tokens = Members.signUpAndIn(cell, "eve@example.com");
        HttpResponse<String> call = Http.get(cell.uri("/v1/orders"), "Authorization", "Bearer " + tokens.get("access_token"),
                "X-Auth-Subject", "someone-else", "x-auth-scopes", "admin operator", "X-Auth-Home-Cell", "us-east-1");
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("X-Seen-Subject").orElseThrow()).isNotEqualTo("someone-else").doesNotContain("|");
        assertThat(call.headers().firstValue("X-Seen-Scopes")).hasValue("app");
        assertThat(call.headers().firstValue("X-Seen-Home-Cell")).hasValue("eu-west-1");

        HttpResponse<String> anonymous = Http.get(cell.uri("/v1/orders"), "X-Auth-Subject", "someone-else");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("X-Seen-Path")).isEmpty();
    }

    @Test
    void pathsNoPolicyRuleCoversAreNotFoundThroughTheIngress() {
        Map<String, Object> tokens = Members.signUpAndIn(cell, "nosy@example.com");
        for (String path : List.of("/internal/anything", "/storage/v1/items", "/storage/v1/members/x/orders", "/prometheus", "/health",
                "/health/readiness/upstream", "/beans")) {
            HttpResponse<String> withToken = Http.get(cell.uri(path), "Authorization", "Bearer " + tokens.get("access_token"));
            assertThat(withToken.statusCode()).as(path).isEqualTo(404);
            assertThat(withToken.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(withToken.headers().firstValue("X-Seen-Path")).as(path).isEmpty();
            assertThat(Http.get(cell.uri(path)).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aHeadTooLongToReadIsRefusedAsSuch() {
        String bearer = "Bearer " + "a".repeat(120 * 1024);
        try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
            connection.send("GET /v1/orders HTTP/1.1\r\nHost: cell\r\nAuthorization: " + bearer + "\r\n\r\n");

            RawConnection.Response answer = connection.read();
            assertThat(answer.status()).isEqualTo(431);
            assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        }
        try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
            connection.send("GET /v1/" + "a".repeat(16 * 1024) + " HTTP/1.1\r\nHost: cell\r\n\r\n");

            assertThat(connection.read().status()).isEqualTo(414);
        }
    }

    @Test
    void theManagementPortServesHealthDetailsAndMetricsAndThePublicPortOnlyBareProbes() {
        HttpResponse<String> readiness = Http.get(cell.uri("/health/readiness"));
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(Http.json(readiness)).containsOnlyKeys("status").containsEntry("status", "UP");
        assertThat(Http.json(Http.get(cell.uri("/health/liveness")))).containsOnlyKeys("status");

        assertThat(Http.json(Http.get(cell.managementUri("/health")))).containsKey("details");
        assertThat(Http.get(cell.managementUri("/prometheus")).body()).contains("atoll_auth_");
        assertThat(Http.get(cell.managementUri("/v1/accounts")).statusCode()).as("the API is not on the management port").isEqualTo(404);
    }
}
