package io.atoll.cell.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.atoll.cell.auth.cli.AdminCommand;
import io.atoll.cell.auth.domain.LocalKeySet;
import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing-key rotation by the admin command, and the admin commands' own behaviour. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRotationIT {
    private AuthCell cell;

    @BeforeAll
    void start() {
        cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of());
    }

    @AfterAll
    void stop() {
        cell.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run admin(String... args) {
        Map<String, Object> properties = new HashMap<>(cell.database().micronautProperties("default"));
        properties.put("atoll.cell.id", "eu-west-1");
        properties.put("atoll.cell.region", "eu-west-1");
        properties.put("atoll.auth.password-hash.memory-kib", 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCommand.run(args, properties, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> publishedKids() throws Exception {
        return JWKSet.parse(Http.get(cell.uri("/.well-known/jwks.json")).body()).getKeys().stream().map(JWK::getKeyID).toList();
    }

    @Test
    void tokensSignedBeforeARotationVerifyUntilTheyExpire() throws Exception {
        String before = (String) Members.signUpAndIn(cell, "rotation@example.com").get("access_token");
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        List<String> publishedBefore = publishedKids();
        assertThat(publishedBefore).hasSize(2).contains(oldKid);
        String nextKid = publishedBefore.stream().filter(kid -> !kid.equals(oldKid)).findFirst().orElseThrow();

        Run rotation = admin("keys", "rotate");
        assertThat(rotation.exitCode()).as(rotation.err()).isZero();
        assertThat(rotation.out().lines()).singleElement().asString().contains("active=" + nextKid).contains("retired=" + oldKid);
        cell.bean(LocalKeySet.class).reload();

        assertThat(publishedKids()).hasSize(3).contains(oldKid, nextKid);
        String after = (String) Members.signIn(cell, "rotation@example.com", Members.PASSWORD).get("access_token");
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(nextKid);
        assertThat(check(before).statusCode()).isEqualTo(200);
        assertThat(check(after).statusCode()).isEqualTo(200);

        cell.clock().advance(Duration.ofMinutes(11));
        cell.bean(LocalKeySet.class).reload();
        assertThat(check(before).statusCode()).isEqualTo(401);
        assertThat(publishedKids()).hasSize(2).doesNotContain(oldKid);
        assertThat(admin("keys", "list").out().lines()).hasSize(3);
    }

    @Test
    void aServiceClientGetsItsSecretOnceAndUsesClientCredentials() {
        Run created = admin("accounts", "create", "--type", "service", "--client-id", "storage-client", "--scopes", "storage:read storage:write");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out().lines()).hasSize(1);
        String secret = created.out().replaceAll("(?s).*client_secret=(\\S+).*", "$1");

        HttpResponse<String> token = Http.send(HttpRequest.newBuilder(cell.uri("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("storage-client:" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=storage%3Aread")).build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(Http.json(token)).containsEntry("scope", "storage:read").doesNotContainKey("refresh_token");

        HttpResponse<String> wrong = Http.postForm(cell.uri("/oauth/token"), "grant_type", "client_credentials",
                "client_id", "storage-client", "client_secret", "guess");
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> tooMuch = Http.postForm(cell.uri("/oauth/token"), "grant_type", "client_credentials",
                "client_id", "storage-client", "client_secret", secret, "scope", "operator");
        assertThat(Http.json(tooMuch)).containsEntry("error", "invalid_scope");
    }

    @Test
    void operatorsSignInWithTheirScopes() {
        Run created = admin("accounts", "create", "--type", "operator", "--email", "ops@example.com", "--password", Members.PASSWORD);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(Members.signIn(cell, "ops@example.com", Members.PASSWORD)).containsEntry("scope", "atoll:operator");
    }

    @Test
    void badInputGivesOneLineAndANonZeroExit() {
        for (String[] args : List.of(
                new String[] {"accounts", "create", "--type", "wizard", "--email", "x@example.com", "--password", Members.PASSWORD},
                new String[] {"accounts", "create", "--type", "member", "--email", "x@example.com"},
                new String[] {"accounts", "create", "--type", "member", "--email", "nonsense", "--password", Members.PASSWORD},
                new String[] {"accounts", "create", "--type", "service", "--client-id", "no-scopes"},
                new String[] {"keys", "spin"})) {
            Run run = admin(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isNotZero();
            assertThat(run.err().lines()).as(String.join(" ", args)).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("error: "));
        }
        Run duplicate = admin("accounts", "create", "--type", "member", "--email", "dup@example.com", "--password", Members.PASSWORD);
        assertThat(duplicate.exitCode()).isZero();
        assertThat(admin("accounts", "create", "--type", "member", "--email", "dup@example.com", "--password", Members.PASSWORD).exitCode()).isNotZero();
    }

    private HttpResponse<String> check(String token) {
        return Http.get(cell.uri("/auth/check"), "X-Forwarded-Method", "POST", "X-Forwarded-Uri", "/v1/orders", "Authorization", "Bearer " + token);
    }
}
