package io.atoll.cell.app.api;

import io.atoll.cell.app.Api;
import io.atoll.cell.app.Management;
import io.atoll.cell.app.RawHttp;
import io.atoll.cell.app.Reply;
import io.atoll.cell.app.TestCassandraProperties;
import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.TestServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Storage (and the token endpoint) with nothing listening: the app's storage routes answer 503, the rest works on. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageUnavailableIT implements TestPropertyProvider {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final long MAX_BYTES = 10 * 1024 * 1024;

    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_storage_down");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestCassandraProperties.of(keyspace));
        int closed = closedPort();
        properties.put("atoll.app.storage.url", "http://127.0.0.1:" + closed);
        properties.put("atoll.app.storage.token-url", "http://127.0.0.1:" + closed + "/oauth/token");
        properties.put("atoll.app.storage.retry-after", "7s");
        return properties;
    }

    @AfterAll
    void dropKeyspace() {
        keyspace.close();
    }

    @Test
    void everyStorageRouteIs503WithRetryAfterAndNoneOfStoragesAddresses() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        Map<String, Object> order = Map.of("lines", List.of(Map.of("sku", "sku-1", "quantity", 2)),
                "destination", Map.of("line1", "1 Quay Street", "city", "Dublin", "postalCode", "D02", "country", "IE"));

        List<Reply> replies = List.of(
                api.get(member, "/v1/items"),
                api.send(Api.as(member, HttpRequest.POST("/v1/orders", order).contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "k-1"))),
                api.get(member, "/v1/orders"),
                api.get(member, "/v1/orders/order-1"),
                api.send(upload(member, PNG)),
                api.get(member, "/v1/uploads/upload-1"),
                api.get(member, "/v1/uploads/upload-1/content"),
                api.get(member, "/v1/profile"),
                api.send(Api.as(member, HttpRequest.PUT("/v1/profile", Map.of("tier", "plus")).contentType(MediaType.APPLICATION_JSON_TYPE))));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.headers().get("Retry-After")).isEqualTo("7");
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.text("instance")).startsWith("/v1/");
            assertThat(reply.body().toString()).doesNotContain("127.0.0.1").doesNotContain("/storage/");
        });
    }

    @Test
    void checkinsWorkOnAndHealthStaysUpWithStorageAsADetail() throws IOException {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();

        Reply device = api.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "android"));
        Reply health;
        try (HttpClient management = HttpClient.create(Management.url(server))) {
            health = new Api(management).send(HttpRequest.GET("/health"));
        }

        assertThat(device.status()).isEqualTo(201);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> storage = (Map<String, Object>) health.object("details").get("storage");
        assertThat(storage).containsEntry("status", "UP");
        assertThat(storage.get("details")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("reachable", false);
    }

    @Test
    void anUploadIsRefusedFromItsHeadOrFirstBytesBeforeStorageIsAsked() throws IOException {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();

        // Only the head is sent: the answer comes without the body, so the app did not wait to read it.
        RawHttp.Response oversized = RawHttp.send(server.getURL(), member,
                "POST /v1/uploads HTTP/1.1\r\nContent-Type: image/png\r\nContent-Length: " + (MAX_BYTES + 1) + "\r\n", PNG);
        RawHttp.Response unmeasured = RawHttp.send(server.getURL(), member,
                "POST /v1/uploads HTTP/1.1\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\n", chunked(PNG));
        Reply notAPhoto = api.send(upload(member, "GIF89a, whatever it says it is".getBytes(StandardCharsets.US_ASCII)));

        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.text()).contains("application/problem+json");
        assertThat(unmeasured.status()).isEqualTo(411);
        assertThat(unmeasured.text()).contains("application/problem+json");
        assertThat(notAPhoto.status()).isEqualTo(415);
        assertThat(notAPhoto.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void anOrderWithoutIdempotencyKeyOrWithBadLinesIsRefusedWithoutAskingStorage() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        Map<String, Object> destination = Map.of("line1", "1 Quay Street", "city", "Dublin", "postalCode", "D02", "country", "IE");

        Reply withoutKey = api.post(member, "/v1/orders", Map.of("lines", List.of(Map.of("sku", "sku-1", "quantity", 1)), "destination", destination));
        Reply noLines = api.send(Api.as(member, HttpRequest.POST("/v1/orders", Map.of("lines", List.of(), "destination", destination))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "k-2")));
        Reply tooMany = api.send(Api.as(member, HttpRequest.POST("/v1/orders", Map.of("lines", List.of(Map.of("sku", "sku-1", "quantity", 1001)),
                "destination", destination)).contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "k-3")));

        assertThat(List.of(withoutKey, noLines, tooMany)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        });
    }

    static MutableHttpRequest<?> upload(String member, byte[] photo) {
        return Api.as(member, HttpRequest.POST("/v1/uploads", photo).contentType("image/png"));
    }

    private static byte[] chunked(byte[] body) {
        String head = Integer.toHexString(body.length) + "\r\n";
        byte[] framed = new byte[head.length() + body.length + 7];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, framed, 0, head.length());
        System.arraycopy(body, 0, framed, head.length(), body.length);
        System.arraycopy("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, framed, head.length() + body.length, 7);
        return framed;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
