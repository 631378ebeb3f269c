package io.atoll.cell.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.atoll.cell.auth.domain.LocalKeySet;
import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import io.atoll.cell.auth.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /auth/check} as a reverse proxy's forward-auth sees it: every kind of bad token is refused with
 * 401 (or 403 for a missing scope) and never a 500, and a token of the peer cell is accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardAuthIT {
    private static final String DECIDED_FROM_MEMORY = "atoll.auth.ingress.decided.from.memory";
    private AuthCell europe;
    private AuthCell america;

    @BeforeAll
    void start() {
        int europePort = AuthCell.freePort();
        int americaPort = AuthCell.freePort();
        europe = AuthCell.start("eu-west-1", europePort, Map.of(
                "atoll.auth.peer-jwks-urls", List.of("http://127.0.0.1:" + americaPort + "/.well-known/jwks.json"),
                "atoll.auth.peer-jwks-min-refetch-interval", "1s"));
        america = AuthCell.start("us-east-1", americaPort, Map.of(
                "atoll.auth.peer-jwks-urls", List.of("http://127.0.0.1:" + europePort + "/.well-known/jwks.json"),
                "atoll.auth.peer-jwks-min-refetch-interval", "1s"));
    }

    @AfterAll
    void stop() {
        europe.close();
        america.close();
    }

    private HttpResponse<String> check(AuthCell cell, String token) {
        return token == null
                ? Http.get(cell.uri("/auth/check"), "X-Forwarded-Method", "GET", "X-Forwarded-Uri", "/v1/feed?since=1")
                : Http.get(cell.uri("/auth/check"), "X-Forwarded-Method", "GET", "X-Forwarded-Uri", "/v1/feed?since=1",
                        "Authorization", "Bearer " + token);
    }

    private void assertUnauthorized(String token, String why) {
        HttpResponse<String> response = check(europe, token);
        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(why).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.headers().firstValue("X-Auth-Subject")).as(why).isEmpty();
    }

    @Test
    void aGoodTokenPassesWithItsIdentity() {
        String token = (String) Members.signUpAndIn(europe, "check@example.com").get("access_token");
        HttpResponse<String> response = check(europe, token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Auth-Subject")).isPresent();
        assertThat(response.headers().firstValue("X-Auth-Scopes")).hasValue("app");
        assertThat(response.headers().firstValue("X-Auth-Home-Cell")).hasValue("eu-west-1");
    }

    @Test
    void aRepeatedTokenIsDecidedFromMemoryWithTheSameIdentity() {
        String token = (String) Members.signUpAndIn(europe, "repeat@example.com").get("access_token");
        HttpResponse<String> first = check(europe, token);
        double before = europe.count(DECIDED_FROM_MEMORY);

        HttpResponse<String> repeated = check(europe, token);

        assertThat(europe.count(DECIDED_FROM_MEMORY)).isEqualTo(before + 1);
        assertThat(repeated.statusCode()).isEqualTo(200);
        for (String header : List.of("X-Auth-Subject", "X-Auth-Scopes", "X-Auth-Home-Cell")) {
            assertThat(repeated.headers().firstValue(header)).as(header).isPresent().isEqualTo(first.headers().firstValue(header));
        }
        assertThat(repeated.headers().firstValue("traceparent")).isPresent();
    }

    @Test
    void missingAndMalformedTokensAreRefused() {
        assertUnauthorized(null, "no token");
        assertUnauthorized("not-a-jwt", "garbage");
        assertUnauthorized("eyJhbGciOiJFUzI1NiJ9.e30.AAAA", "malformed signature");
        assertThat(Http.get(europe.uri("/auth/check"), "X-Forwarded-Method", "GET", "X-Forwarded-Uri", "/v1/feed",
                "Authorization", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
    }

    @Test
    void unsecuredTokensAreRefused() {
        assertUnauthorized(new PlainJWT(Tokens.validClaims("eu-west-1", europe.clock()).build()).serialize(), "alg none");
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        LocalKeySet keys = europe.bean(LocalKeySet.class);
        byte[] publicKey = keys.active().publicKey().toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.active().kid())
                .type(new JOSEObjectType("at+jwt")).build(), Tokens.validClaims("eu-west-1", europe.clock()).build());
        forged.sign(new MACSigner(publicKey));
        assertUnauthorized(forged.serialize(), "key confusion");
    }

    @Test
    void wrongIssuerAudienceAndTimesAreRefused() {
        Instant now = europe.clock().instant();
        assertUnauthorized(Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock()).issuer("us-east-1")), "wrong iss");
        assertUnauthorized(Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock()).audience("someone-else")), "wrong aud");
        assertUnauthorized(Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock())
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))), "expired");
        assertUnauthorized(Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock())
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))), "not yet valid");
        assertUnauthorized(Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock()).subject(null)), "no subject");
        // Inside the clock-skew allowance an expired token still counts: clocks of two cells may disagree a little.
        assertThat(check(europe, Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock())
                .expirationTime(Date.from(now.minusSeconds(5))))).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownKeysAndTamperedTokensAreRefused() throws Exception {
        SignedJWT unknown = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("eu-west-1-000000000000")
                .type(new JOSEObjectType("at+jwt")).build(), Tokens.validClaims("eu-west-1", europe.clock()).build());
        unknown.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertUnauthorized(unknown.serialize(), "unknown kid");

        // Another algorithm under a known kid: refused before any key is consulted.
        SignedJWT otherAlgorithm = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(europe.bean(LocalKeySet.class).active().kid())
                .type(new JOSEObjectType("at+jwt")).build(), Tokens.validClaims("eu-west-1", europe.clock()).build());
        otherAlgorithm.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        assertUnauthorized(otherAlgorithm.serialize(), "ES256 under the RS256 key");

        String token = (String) Members.signUpAndIn(europe, "tamper@example.com").get("access_token");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"app\"", "\"app operator\"");
        assertUnauthorized(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2], "tampered payload");
    }

    @Test
    void revokedTokensAreRefused() {
        String token = (String) Members.signUpAndIn(europe, "revoked@example.com").get("access_token");
        assertThat(check(europe, token).statusCode()).isEqualTo(200);
        Http.postForm(europe.uri("/oauth/revoke"), "token", token);
        assertUnauthorized(token, "revoked jti");
    }

    @Test
    void aMissingScopeIsForbidden() {
        HttpResponse<String> response = check(europe, Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock()).claim("scope", "storage:read")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("insufficient_scope"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void pathsOutsideThePolicyAreDeniedWhateverTheToken() {
        String token = Tokens.signed(europe, Tokens.validClaims("eu-west-1", europe.clock()));
        for (String uri : List.of("/admin", "/v1/../admin", "/v1/%2e%2e/admin", "/v2/feed")) {
            HttpResponse<String> response = Http.get(europe.uri("/auth/check"), "X-Forwarded-Method", "GET", "X-Forwarded-Uri", uri,
                    "Authorization", "Bearer " + token);
            assertThat(response.statusCode()).as(uri).isEqualTo(403);
        }
        assertThat(Http.get(europe.uri("/auth/check"), "X-Forwarded-Method", "GET").statusCode()).isEqualTo(400);
    }

    @Test
    void aPeerCellsTokenIsAccepted() {
        String american = (String) Members.signUpAndIn(america, "traveller@example.com").get("access_token");
        HttpResponse<String> response = pollUntilNot401(american);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Auth-Home-Cell")).hasValue("us-east-1");

        // The peer's key vouches for the peer only: it cannot sign a token claiming to be from this cell.
        assertUnauthorized(Tokens.signed(america, Tokens.validClaims("eu-west-1", america.clock())), "peer key, own issuer");
    }

    /** The peer's keys may not be fetched yet (it started after this cell): the refetch is rate-limited to once a second. */
    private HttpResponse<String> pollUntilNot401(String token) {
        Instant deadline = Instant.now().plusSeconds(10);
        HttpResponse<String> response = check(europe, token);
        while (response.statusCode() == 401 && Instant.now().isBefore(deadline)) {
            response = check(europe, token);
        }
        return response;
    }
}
