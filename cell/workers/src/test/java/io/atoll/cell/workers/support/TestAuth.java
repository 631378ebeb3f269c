package io.atoll.cell.workers.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the cell's auth, which is not what these tests are about: an RSA key of its own, its JWKS for storage
 * to verify tokens against, and a token endpoint answering the client credentials grant with tokens signed the way
 * auth signs them (RS256, {@code aud=atoll}, the asked-for {@code scope}).
 */
public final class TestAuth implements AutoCloseable {
    private static final String AUDIENCE = "atoll";
    private static final long LIFETIME_SECONDS = 600;

    private final RSAKey key;
    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();

    private TestAuth(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    public static TestAuth start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("workers-test-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestAuth auth = new TestAuth(key, server);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, 200, jwks));
            server.createContext("/oauth/token", auth::issue);
            server.start();
            return auth;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwksUrl() {
        return base() + "/.well-known/jwks.json";
    }

    public URI tokenUrl() {
        return URI.create(base() + "/oauth/token");
    }

    /** How many tokens the token endpoint has handed out. */
    public int issued() {
        return issued.get();
    }

    /** A service client's token with these scopes (space-separated). */
    public String token(String scope) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(base())
                .subject("workers")
                .audience(AUDIENCE)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(LIFETIME_SECONDS)))
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

    private void issue(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type")) || authorization == null
                || !authorization.startsWith("Basic ")) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        issued.incrementAndGet();
        String scope = form.getOrDefault("scope", "");
        String answer = "{\"access_token\":\"" + token(scope) + "\",\"token_type\":\"Bearer\",\"expires_in\":" + LIFETIME_SECONDS
                + ",\"scope\":\"" + scope + "\"}";
        respond(exchange, 200, answer.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
