package io.atoll.cell.auth.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.atoll.cell.auth.domain.AccessPolicy;
import io.atoll.cell.auth.domain.PathPattern;
import io.atoll.cell.auth.domain.PolicyRule;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.atoll.cell.auth.domain.Scopes;
import io.atoll.cell.auth.domain.TokenVerifier;
import io.atoll.cell.auth.domain.VerificationKey;
import io.atoll.cell.auth.domain.VerificationKeys;
import io.atoll.cell.auth.support.Tokens;
import io.atoll.edge.BodyPrefix;
import io.atoll.edge.Decision;
import io.atoll.edge.ProblemResponses;
import io.atoll.edge.Upstream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingress's decisions, made from a request's head: where it goes (the app, the service's own endpoints) with
 * which identity, or the answer it gets, and which of them were taken from memory.
 */
class IngressPolicyTest {
    private static final RSAKey KEY = generateKey();
    private static final Upstream APP = new Upstream(URI.create("http://127.0.0.1:8111"), "the app");
    private static final Upstream OWN = new Upstream(URI.create("http://127.0.0.1:40000"), "the auth service");
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final TokenVerifier verifier = new TokenVerifier(new SingleKey(), revoked::contains, Clock.systemUTC(), "atoll",
            Duration.ofSeconds(30), 100);
    private final RequestAuthorizer authorizer = new RequestAuthorizer(new AccessPolicy(List.of(
            new PolicyRule(Set.of("POST"), new PathPattern("/v1/accounts"), Scopes.NONE, true),
            new PolicyRule(Set.of(), new PathPattern("/v1/**"), Scopes.parse("app"), false))), verifier);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Counter fromMemory = registry.counter("from-memory");
    private final IngressPolicy policy = new IngressPolicy(authorizer, new Decisions(registry), new ProblemResponses(JsonMapper.createDefault()),
            APP, OWN, 32 * 1024 * 1024, 16_384, new IngressPolicy.Counters(registry.counter("forwarded"), registry.counter("failed"), fromMemory));

    @Test
    void aTokenVerifiedBeforeGoesToTheAppAsItsMemberDecidedFromMemory() {
        HttpRequest request = request(HttpMethod.GET, "/v1/feed", verifiedToken("member-1"));
        request.headers().set("X-Auth-Subject", "someone-else").set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(decide(request)).isEqualTo(Decision.Forward.to(APP));
        assertThat(request.headers().get("X-Auth-Subject")).isEqualTo("member-1");
        assertThat(request.headers().get("X-Auth-Scopes")).isEqualTo("app");
        assertThat(request.headers().get("X-Auth-Home-Cell")).isEqualTo("eu-west-1");
        assertThat(request.headers().get("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-").doesNotContain("b7ad6b7169203331");
        assertThat(fromMemory.count()).isEqualTo(1);
    }

    @Test
    void aTokenSeenForTheFirstTimeIsVerifiedThenForwarded() {
        HttpRequest request = request(HttpMethod.POST, "/v1/orders", token("member-2"));

        assertThat(decide(request)).isEqualTo(Decision.Forward.to(APP));
        assertThat(request.headers().get("X-Auth-Subject")).isEqualTo("member-2");
        assertThat(fromMemory.count()).isZero();
    }

    @Test
    void refusalsAreProblemsWithTheirChallenge() {
        String revokedToken = verifiedToken("member-3");
        revoked.add(jti(revokedToken));

        FullHttpResponse none = answer(request(HttpMethod.GET, "/v1/feed", null));
        FullHttpResponse withdrawn = answer(request(HttpMethod.GET, "/v1/feed", revokedToken));
        FullHttpResponse internal = answer(request(HttpMethod.GET, "/internal/orders", verifiedToken("member-4")));

        assertThat(none.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
        assertThat(none.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"atoll\"");
        assertThat(withdrawn.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
        assertThat(withdrawn.headers().get("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(internal.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
        assertThat(List.of(none, withdrawn, internal)).allSatisfy(problem -> {
            assertThat(problem.headers().get("Content-Type")).isEqualTo("application/problem+json");
            assertThat(problem.headers().get(IngressAccessLog.DECISION)).isNotBlank();
        });
    }

    @Test
    void aForwardAuthCheckIsAnsweredFromTheSameDecision() {
        HttpRequest check = check(verifiedToken("member-5"), "/v1/feed?since=1");

        FullHttpResponse allowed = answer(check);

        assertThat(allowed.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(allowed.headers().get("X-Auth-Subject")).isEqualTo("member-5");
        assertThat(allowed.headers().get("Content-Length")).isEqualTo("0");
        assertThat(fromMemory.count()).isEqualTo(1);
        assertThat(answer(check(null, "/v1/feed")).status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
        assertThat(answer(check(verifiedToken("member-6"), "/admin/keys")).status()).as("no rule covers it").isEqualTo(HttpResponseStatus.FORBIDDEN);
        HttpRequest unnamed = check(verifiedToken("member-7"), "/v1/feed");
        unnamed.headers().remove("X-Forwarded-Uri");
        assertThat(answer(unnamed).status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
    }

    @Test
    void theServicesOwnEndpointsGoToItWithinTheirLimits() {
        HttpRequest token = request(HttpMethod.POST, "/oauth/token", null);
        token.headers().set("Content-Length", 120).set("X-Auth-Subject", "forged");
        HttpRequest large = request(HttpMethod.POST, "/oauth/token", null);
        large.headers().set("Content-Length", 16_385);
        HttpRequest chunked = request(HttpMethod.POST, "/v1/accounts", null);
        chunked.headers().set("Transfer-Encoding", "chunked");

        assertThat(decide(token)).isEqualTo(Decision.Forward.to(OWN));
        assertThat(token.headers().contains("X-Auth-Subject")).isFalse();
        assertThat(answer(large).status()).isEqualTo(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        assertThat(answer(chunked).status()).isEqualTo(HttpResponseStatus.LENGTH_REQUIRED);
    }

    @Test
    void aBodyDeclaredOverTheLimitOrATargetThatIsNoPathIsAnsweredAtOnce() {
        HttpRequest upload = request(HttpMethod.POST, "/v1/uploads", verifiedToken("member-8"));
        upload.headers().set("Content-Length", 32 * 1024 * 1024 + 1);

        FullHttpResponse tooLarge = answer(upload);

        assertThat(tooLarge.status()).isEqualTo(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        assertThat(tooLarge.content().toString(StandardCharsets.UTF_8)).contains("larger than 33554432 bytes");
        assertThat(answer(request(HttpMethod.OPTIONS, "*", null)).status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
    }

    private Decision decide(HttpRequest request) {
        return policy.forRequest(request).decide(BodyPrefix.NONE).toCompletableFuture().join();
    }

    private FullHttpResponse answer(HttpRequest request) {
        Decision decision = decide(request);
        assertThat(decision).isInstanceOf(Decision.Answer.class);
        return ((Decision.Answer) decision).response();
    }

    private static HttpRequest request(HttpMethod method, String target, String token) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, target);
        if (token != null) {
            request.headers().set("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpRequest check(String token, String uri) {
        HttpRequest request = request(HttpMethod.GET, "/auth/check", token);
        request.headers().set("X-Forwarded-Method", "GET").set("X-Forwarded-Uri", uri);
        return request;
    }

    private String verifiedToken(String subject) {
        String token = token(subject);
        verifier.verify(token).join();
        return token;
    }

    private static String token(String subject) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(TokenVerifier.ACCESS_TOKEN_TYPE)
                    .keyID(KEY.getKeyID()).build(), Tokens.validClaims("eu-west-1", Clock.systemUTC()).subject(subject).build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jti(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one key of cell eu-west-1. */
    private static final class SingleKey implements VerificationKeys {
        @Override
        public Optional<VerificationKey> find(String kid) {
            return KEY.getKeyID().equals(kid) ? Optional.of(VerificationKey.of("eu-west-1", KEY.toPublicJWK())) : Optional.empty();
        }

        @Override
        public CompletableFuture<Void> lookAgain() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
