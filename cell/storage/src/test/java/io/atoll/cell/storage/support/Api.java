package io.atoll.cell.storage.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Calls storage's API as a service of the cell would: JSON, with a bearer token. */
public final class Api {
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final String token;

    public Api(URI base, String token) {
        this.base = requireNonNull(base, "base is null");
        this.token = token;
    }

    /** The same API with another token, or none ({@code null}). */
    public Api as(String otherToken) {
        return new Api(base, otherToken);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Reply put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** Places an order under this idempotency key. */
    public Reply placeOrder(String memberId, String idempotencyKey, Object body) {
        return send(request("/storage/v1/members/" + memberId + "/orders").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** A request to this API with the token set, for a test to finish and {@link #send}. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return ObjectMapper.getDefault().writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return Map.of();
        }
        try {
            return ObjectMapper.getDefault().readValue(body, JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
