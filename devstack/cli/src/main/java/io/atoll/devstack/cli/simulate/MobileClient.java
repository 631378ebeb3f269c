package io.atoll.devstack.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What the mobile app sends, over HTTP, as the app itself would: one member's calls to the platform.
 * The simulator drives fleets of these; end-to-end tests use it for members' journeys.
 */
public final class MobileClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI target;
    private final String email;
    private final String region;

    public MobileClient(HttpClient http, URI target, String email, String region) {
        this.http = requireNonNull(http, "http is null");
        this.target = requireNonNull(target, "target is null");
        this.email = requireNonNull(email, "email is null");
        this.region = requireNonNull(region, "region is null");
    }

    /** One exchange: its status, body, the cell that answered and how long it took. */
    public record Exchange(int status, JsonNode body, String cell, Duration latency) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Exchange signUp(String password) throws IOException {
        return send(json("/v1/accounts", Map.of("email", email, "password", password), null));
    }

    public Exchange logIn(String password) throws IOException {
        return send(form("/oauth/token", Map.of("grant_type", "password", "username", email, "password", password)));
    }

    public Exchange refresh(String refreshToken) throws IOException {
        return send(form("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)));
    }

    public Exchange registerDevice(String accessToken, String name, String platform) throws IOException {
        return send(json("/v1/devices", Map.of("name", name, "platform", platform), accessToken));
    }

    /**
     * A check-in is idempotent by its check-in id, so the app says so: the router may then resend it to
     * another cell when the first could not be reached.
     */
    public Exchange checkIn(String accessToken, String deviceId, Map<String, Object> checkin) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(json("/v1/devices/" + deviceId + "/checkins", checkin, accessToken), (name, value) -> true)
                .header("Idempotency-Key", String.valueOf(checkin.get("checkinId")))
                .build();
        return send(request);
    }

    /**
     * An order is idempotent by the key the app makes for it once, so a retry after a lost answer places
     * nothing twice and the router may resend it to another cell.
     */
    public Exchange placeOrder(String accessToken, String idempotencyKey, Map<String, ?> order) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(json("/v1/orders", order, accessToken), (name, value) -> true)
                .header("Idempotency-Key", idempotencyKey)
                .build();
        return send(request);
    }

    /** A photo, sent as the app does: its bytes as the body, with the type the phone believes it has. */
    public Exchange upload(String accessToken, byte[] photo, String contentType) throws IOException {
        return send(request("/v1/uploads").header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo)).build());
    }

    /** The bytes of a resource, such as an uploaded photo's content; {@code body} is empty unless the status is 200. */
    public Download download(String accessToken, String path) throws IOException {
        HttpRequest request = request(path).header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.statusCode() == 200 ? response.body() : new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A downloaded resource. */
    public record Download(int status, String contentType, byte[] body) {
    }

    /** A GET of one of the member's resources, e.g. {@code /v1/devices} or {@code /v1/sync?limit=50}. */
    public Exchange get(String accessToken, String path) throws IOException {
        return send(request(path).header("Authorization", "Bearer " + accessToken).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        // The region stands for where the phone is, as an edge in front of the router would say; the router finds
        // the member's account from the sign-up and token bodies, as it does for any OAuth 2 client.
        return HttpRequest.newBuilder(target.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Client-Region", region);
    }

    private HttpRequest json(String path, Map<String, ?> body, String accessToken) throws IOException {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder.build();
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Exchange send(HttpRequest request) throws IOException {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            JsonNode body = response.body().length == 0 ? JSON.nullNode() : parse(response.body());
            return new Exchange(response.statusCode(), body, response.headers().firstValue("X-Atoll-Cell").orElse("?"), latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }
}
