package io.atoll.cell.storage.api;

import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.Images;
import io.atoll.cell.storage.support.RawHttp;
import io.atoll.cell.storage.support.Reply;
import io.atoll.cell.storage.support.StorageUnderTest;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsIT {
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final StorageUnderTest storage = StorageUnderTest.create("storage_uploads");
    private final EmbeddedServer server = storage.start(Map.of("atoll.storage.outbox.relay-enabled", false));
    private final Api api = storage.api(server);

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    @Test
    void aSmallPhotoIsStoredWithItsFoundTypeSizeHashAndExpiry() throws Exception {
        String member = UUID.randomUUID().toString();
        byte[] photo = Images.jpeg(70_000);

        Reply stored = upload(member, photo, "application/octet-stream");

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.body()).containsEntry("memberId", member).containsEntry("contentType", "image/jpeg")
                .containsEntry("sizeBytes", photo.length).containsEntry("sha256", sha256(photo)).containsEntry("status", "stored")
                .containsEntry("results", java.util.List.of());
        assertThat(Duration.between(Instant.parse(stored.text("createdAt")), Instant.parse(stored.text("expiresAt")))).isEqualTo(Duration.ofDays(7));
        assertThat(stored.header("Location")).isEqualTo("/storage/v1/members/" + member + "/uploads/" + stored.text("id"));
        assertThat(api.get(stored.header("Location")).body()).isEqualTo(stored.body());
        assertContent(stored.header("Location"), photo, "image/jpeg");
        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'upload.stored' AND payload LIKE '%" + stored.text("id") + "%'"))
                .isEqualTo(1);
    }

    @Test
    void aLargePhotoGoesUpInPartsAndComesBackWhole() throws Exception {
        String member = UUID.randomUUID().toString();
        byte[] photo = Images.png(MAX_BYTES);
        byte[] webp = Images.webp(3_000);

        Reply stored = upload(member, photo, "image/png");
        Reply small = upload(member, webp, "image/webp");

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.body()).containsEntry("contentType", "image/png").containsEntry("sizeBytes", MAX_BYTES)
                .containsEntry("sha256", sha256(photo));
        assertContent(stored.header("Location"), photo, "image/png");
        assertThat(small.text("contentType")).isEqualTo("image/webp");
    }

    @Test
    void somethingThatIsNotAnImageIs415AndLeavesNothingBehind() {
        String member = UUID.randomUUID().toString();
        long objectsBefore = objects();

        Reply text = upload(member, "just some text, not a photo".getBytes(), "image/jpeg");
        Reply largeText = upload(member, new byte[9 * 1024 * 1024], "image/png");

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).isEqualTo("application/problem+json");
        assertThat(largeText.status()).isEqualTo(415);
        assertThat(objects()).isEqualTo(objectsBefore);
        assertThat(storage.count("SELECT count(*) FROM uploads WHERE member_id = '" + member + "'")).isZero();
    }

    @Test
    void anUploadOverTheLimitIs413AndOneWithoutALengthIs411() {
        String member = UUID.randomUUID().toString();
        String path = "/storage/v1/members/" + member + "/uploads";
        String token = "Authorization: Bearer " + storage.tokens().token(Scopes.WRITE) + "\r\n";
        long objectsBefore = objects();

        int tooLarge = RawHttp.send(server.getPort(), "POST " + path + " HTTP/1.1\r\nHost: storage\r\n" + token
                + "Content-Type: image/jpeg\r\nContent-Length: " + (MAX_BYTES + 1) + "\r\n\r\n", Images.jpeg(64 * 1024));
        int chunked = RawHttp.send(server.getPort(), "POST " + path + " HTTP/1.1\r\nHost: storage\r\n" + token
                + "Content-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n", "4\r\n\u00ff\u00d8\u00ff\u00e0\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(tooLarge).isEqualTo(413);
        assertThat(chunked).isEqualTo(411);
        assertThat(objects()).isEqualTo(objectsBefore);
        assertThat(storage.count("SELECT count(*) FROM uploads WHERE member_id = '" + member + "'")).isZero();
    }

    @Test
    void anotherMembersUploadIs404() {
        String owner = UUID.randomUUID().toString();
        String id = upload(owner, Images.jpeg(1_000), "image/jpeg").text("id");

        assertThat(api.get("/storage/v1/members/" + UUID.randomUUID() + "/uploads/" + id).status()).isEqualTo(404);
        assertThat(api.get("/storage/v1/members/" + UUID.randomUUID() + "/uploads/" + id + "/content").status()).isEqualTo(404);
        assertThat(api.get("/storage/v1/members/" + owner + "/uploads/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private Reply upload(String member, byte[] body, String contentType) {
        return api.send(api.request("/storage/v1/members/" + member + "/uploads").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void assertContent(String location, byte[] expected, String contentType) throws IOException, InterruptedException {
        HttpResponse<byte[]> content = HttpClient.newHttpClient().send(api.request(location + "/content").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(content.headers().firstValue("Content-Length")).hasValue(String.valueOf(expected.length));
        assertThat(content.body()).isEqualTo(expected);
    }

    private long objects() {
        return server.getApplicationContext().getBean(S3Client.class)
                .listObjectsV2(request -> request.bucket(storage.bucket().name())).keyCount();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
