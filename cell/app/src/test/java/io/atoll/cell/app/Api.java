package io.atoll.cell.app;

import io.atoll.cell.contracts.IdentityHeaders;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Calls the app as the cell's authenticating proxy would forward a member's (or operator's) request: with
 * the identity headers set.
 */
public final class Api {
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final BlockingHttpClient http;

    public Api(HttpClient client) {
        this.http = client.toBlocking();
    }

    public Reply get(String account, String path) {
        return send(as(account, HttpRequest.GET(path)));
    }

    /** Posts the body: a map or record is sent as JSON, a string is sent as it is (as JSON). */
    public Reply post(String account, String path, Object body) {
        return send(as(account, HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    public Reply delete(String account, String path) {
        return send(as(account, HttpRequest.DELETE(path)));
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.exchange(request, Argument.STRING, Argument.STRING);
            return new Reply(response.code(), parse(response.getBody().orElse("")), response.getHeaders());
        } catch (HttpClientResponseException error) {
            return new Reply(error.code(), parse(error.getResponse().getBody(String.class).orElse("")), error.getResponse().getHeaders());
        }
    }

    /** Problem+json is JSON too, but the client only decodes {@code application/json} itself. */
    private static Map<String, Object> parse(String body) {
        if (body.isBlank()) {
            return Map.of();
        }
        try {
            return ObjectMapper.getDefault().readValue(body, JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The request as forwarded for this account with member scopes. */
    public static MutableHttpRequest<?> as(String account, MutableHttpRequest<?> request) {
        return request.header(IdentityHeaders.SUBJECT, account).header(IdentityHeaders.SCOPES, "atoll:member");
    }

    /** The request as forwarded for this account with the operator scope. */
    public static MutableHttpRequest<?> asOperator(String account, MutableHttpRequest<?> request) {
        return request.header(IdentityHeaders.SUBJECT, account).header(IdentityHeaders.SCOPES, "atoll:member atoll:operator");
    }
}
