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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

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
 * The pipeline's forward-auth answers: only "yes" decisions known without a signature verification are
 * answered in the pipeline; everything else reaches Micronaut (here: the end of the channel's pipeline) as sent.
 */
class ForwardAuthHandlerTest {
    private static final RSAKey KEY = generateKey();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final TokenVerifier verifier = new TokenVerifier(new SingleKey(), revoked::contains, Clock.systemUTC(), "atoll",
            Duration.ofSeconds(30), 100);
    private final RequestAuthorizer authorizer = new RequestAuthorizer(new AccessPolicy(List.of(
            new PolicyRule(Set.of("POST"), new PathPattern("/v1/accounts"), Scopes.NONE, true),
            new PolicyRule(Set.of(), new PathPattern("/v1/**"), Scopes.parse("app"), false))), verifier);
    private final EmbeddedChannel channel = new EmbeddedChannel(new ForwardAuthHandler(authorizer, new Decisions(new SimpleMeterRegistry())));

    @Test
    void aTokenVerifiedBeforeIsAnsweredInThePipelineWithItsIdentity() {
        String token = verifiedToken("member-1");

        channel.writeInbound(check(token, "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(answer.headers().get("X-Auth-Subject")).isEqualTo("member-1");
        assertThat(answer.headers().get("X-Auth-Scopes")).isEqualTo("app");
        assertThat(answer.headers().get("X-Auth-Home-Cell")).isEqualTo("eu-west-1");
        assertThat(answer.headers().get("Content-Length")).isEqualTo("0");
        assertThat(answer.headers().get("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-")
                .doesNotContain("b7ad6b7169203331");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aPublicPathIsAnsweredWithoutIdentity() {
        channel.writeInbound(check(null, "X-Forwarded-Method", "POST", "X-Forwarded-Uri", "/v1/accounts"));

        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(answer.headers().contains("X-Auth-Subject")).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aTokenNotVerifiedYetGoesOnToTheController() {
        FullHttpRequest request = check(token("member-2"));

        channel.writeInbound(request);

        assertThat((Object) channel.readInbound()).isSameAs(request);
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void refusalsAndIncompleteChecksGoOnToTheController() {
        String revokedToken = verifiedToken("member-3");
        revoked.add(jti(revokedToken));
        String good = verifiedToken("member-4");
        FullHttpRequest withoutUri = check(good);
        withoutUri.headers().remove("X-Forwarded-Uri");
        FullHttpRequest closing = check(good, "Connection", "close");

        List<FullHttpRequest> passedOn = List.of(check(revokedToken), check(null),
                check(good, "X-Forwarded-Method", "GET", "X-Forwarded-Uri", "/admin/keys"), withoutUri, closing);
        for (FullHttpRequest request : passedOn) {
            channel.writeInbound(request);
            assertThat((Object) channel.readInbound()).isSameAs(request);
            channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));
            assertThat(((FullHttpResponse) channel.readOutbound()).status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
        }
    }

    @Test
    void aCheckArrivingBehindAnUnansweredRequestWaitsItsTurnInTheController() {
        String token = verifiedToken("member-5");
        FullHttpRequest health = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health");
        FullHttpRequest pipelined = check(token);

        channel.writeInbound(health, pipelined);

        assertThat((Object) channel.readInbound()).isSameAs(health);
        assertThat((Object) channel.readInbound()).isSameAs(pipelined);
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK),
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.outboundMessages().clear();

        channel.writeInbound(check(token));

        FullHttpResponse answer = channel.readOutbound();
        assertThat(answer.headers().get("X-Auth-Subject")).isEqualTo("member-5");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void theBodyOfACheckAnsweredHereIsDroppedAndTheNextRequestPassesOn() {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/auth/check");
        head.headers().set("X-Forwarded-Method", "GET").set("X-Forwarded-Uri", "/v1/feed")
                .set("Authorization", "Bearer " + verifiedToken("member-6")).set("Content-Length", 4);
        FullHttpRequest next = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health");

        channel.writeInbound(head, new DefaultHttpContent(Unpooled.copiedBuffer("ab", StandardCharsets.US_ASCII)),
                LastHttpContent.EMPTY_LAST_CONTENT.replace(Unpooled.copiedBuffer("cd", StandardCharsets.US_ASCII)), next);

        assertThat(((FullHttpResponse) channel.readOutbound()).status()).isEqualTo(HttpResponseStatus.OK);
        assertThat((Object) channel.readInbound()).isSameAs(next);
        assertThat((Object) channel.readInbound()).isNull();
    }

    private static FullHttpRequest check(String token, String... headers) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/auth/check");
        request.headers().set("X-Forwarded-Method", "GET").set("X-Forwarded-Uri", "/v1/feed?since=1");
        if (token != null) {
            request.headers().set("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.headers().set(headers[i], headers[i + 1]);
        }
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
