package io.atoll.cell.storage.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Stands in for the cell's auth as a token issuer: an RSA key of its own, its public half served as a JWKS over
 * HTTP, and tokens signed with it the way auth signs them (RS256, {@code aud=atoll}, {@code scope}).
 */
public final class ServiceTokens implements AutoCloseable {
    public static final String AUDIENCE = "atoll";

    private final RSAKey key;
    private final HttpServer server;

    private ServiceTokens(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    public static ServiceTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new ServiceTokens(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A service client's token with these scopes (space-separated), as client_credentials hands it out. */
    public String token(String scope) {
        return sign(key, "client-" + scope.replace(' ', '+'), scope, AUDIENCE);
    }

    /** A token for another audience: signed by the right key, meant for someone else. */
    public String tokenFor(String audience, String scope) {
        return sign(key, "client", scope, audience);
    }

    /** A token signed by a key the JWKS does not hold. */
    public static String foreignToken(String scope) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID("foreign").generate(), "client", scope, AUDIENCE);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, String subject, String scope, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1/test-cell")
                .subject(subject)
                .audience(audience)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
