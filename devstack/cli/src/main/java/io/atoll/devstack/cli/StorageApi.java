package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.platform.PlatformException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A cell storage's internal API as an operator on this machine calls it: directly, with a bearer token of the cell's
 * auth (storage is never reachable through the ingress). Any answer but a success is a one-line refusal.
 */
final class StorageApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;
    private final String token;

    /** @param base storage's address, e.g. {@code http://127.0.0.1:8112} */
    StorageApi(URI base, String token) {
        this.base = requireNonNull(base, "base is null");
        this.token = requireNonNull(token, "token is null");
    }

    /** @param path below {@code /storage/v1}, with its query, e.g. {@code /job-requests?limit=20} */
    JsonNode get(String path) {
        return send(request(path).GET());
    }

    JsonNode post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** A path segment or query value as given, never able to change the path's shape. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve("/storage/v1" + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(10));
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformException("the cell's storage at " + base + " does not answer (" + e.getClass().getSimpleName()
                    + "); see ./atoll status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
        if (response.statusCode() >= 300) {
            throw new PlatformException("storage refused " + request.method() + " " + request.uri().getRawPath() + ": "
                    + refusal(response.statusCode(), response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("storage answered " + request.method() + " " + request.uri().getRawPath() + " with something that is not JSON");
        }
    }

    /**
     * A refusal in one line: its status, then a problem+json answer's title and detail or an OAuth error answer's
     * error and description, or the first of whatever else it said.
     */
    static String refusal(int status, String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer != null && answer.isObject()) {
                String what = joined(answer.path("title").asText(""), answer.path("detail").asText(""));
                if (what.isEmpty()) {
                    what = joined(answer.path("error").asText(""), answer.path("error_description").asText(""));
                }
                if (!what.isEmpty()) {
                    return status + " " + what.replace('\n', ' ');
                }
            }
        } catch (IOException notJson) {
            // shown as it came, below
        }
        String text = body.strip().replace('\n', ' ');
        return status + (text.isEmpty() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }

    private static String joined(String first, String second) {
        return first.isEmpty() || second.isEmpty() ? first + second : first + ": " + second;
    }
}
