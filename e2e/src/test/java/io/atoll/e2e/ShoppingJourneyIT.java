package io.atoll.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.cli.simulate.MobileClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's shopping through the global router: the catalogue, an order, a photo — app, storage, PostgreSQL, the
 * object store and the broker all real. The member's client region is {@code us-east-1}, the second cell, so that
 * every cell's storage is exercised, not only the first.
 */
class ShoppingJourneyIT {
    private static final String REGION = "us-east-1";
    private static final String PASSWORD = "shopper-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_PAUSE = Duration.ofMillis(200);
    private static E2ePlatform platform;

    @BeforeAll
    static void platform() {
        platform = E2ePlatform.get();
    }

    @Test
    void aMemberBrowsesTheCatalogueAndAnOrderSentTwiceWithOneKeyIsOneOrder() throws Exception {
        Shopper shopper = Shopper.signedUp();
        JsonNode page = shopper.client.get(shopper.token, "/v1/items?limit=5").body();
        assertThat(page.path("items")).hasSize(5);
        assertThat(page.path("next").asText()).as("the catalogue has a further page").isNotEmpty();
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("weightGrams").asInt()).isPositive();

        Map<String, Object> order = orderOf(page, 2);
        String key = UUID.randomUUID().toString();
        MobileClient.Exchange placed = shopper.client.placeOrder(shopper.token, key, order);
        MobileClient.Exchange again = shopper.client.placeOrder(shopper.token, key, order);
        MobileClient.Exchange otherBody = shopper.client.placeOrder(shopper.token, key, orderOf(page, 1));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.cell()).isEqualTo(REGION);
        assertThat(again.status()).as("the same key and body is the same order").isEqualTo(200);
        String orderId = placed.body().path("id").asText();
        assertThat(again.body().path("id").asText()).isEqualTo(orderId);
        assertThat(otherBody.status()).as("the key reused for another order").isEqualTo(422);
        assertThat(placed.body().path("status").asText()).isEqualTo("placed");
        assertThat(placed.body().path("totalWeightGrams").asLong()).isEqualTo(expectedWeight(page, order));

        JsonNode read = shopper.client.get(shopper.token, "/v1/orders/" + orderId).body();
        assertThat(read.path("id").asText()).isEqualTo(orderId);
        JsonNode list = shopper.client.get(shopper.token, "/v1/orders").body().path("orders");
        assertThat(list).extracting(listed -> listed.path("id").asText()).containsExactly(orderId);
        assertThat(ordersWithKey(shopper, key)).isEqualTo(1);
        assertThat(feedHas(shopper, "order", orderId, Duration.ofSeconds(30))).as("the order reaches the member's feed").isTrue();
    }

    @Test
    void twoPlacementsWithOneKeyRacingMakeOneOrder() throws Exception {
        Shopper shopper = Shopper.signedUp();
        JsonNode page = shopper.client.get(shopper.token, "/v1/items?limit=3").body();
        Map<String, Object> order = orderOf(page, 3);
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        Callable<MobileClient.Exchange> place = () -> {
            start.await();
            return shopper.client.placeOrder(shopper.token, key, order);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MobileClient.Exchange> first = pool.submit(place);
            Future<MobileClient.Exchange> second = pool.submit(place);
            start.countDown();
            List<MobileClient.Exchange> answers = List.of(first.get(), second.get());
            assertThat(answers).extracting(MobileClient.Exchange::status).containsExactlyInAnyOrder(201, 200);
            assertThat(answers.get(0).body().path("id").asText()).isEqualTo(answers.get(1).body().path("id").asText());
        } finally {
            pool.shutdownNow();
        }
        assertThat(ordersWithKey(shopper, key)).isEqualTo(1);
    }

    @Test
    void aPhotoIsStoredInTheObjectStoreAndReadBackByteForByte() throws Exception {
        Shopper shopper = Shopper.signedUp();
        byte[] photo = photo();
        MobileClient.Exchange stored = shopper.client.upload(shopper.token, photo, "application/octet-stream");

        assertThat(stored.status()).isEqualTo(201);
        String uploadId = stored.body().path("id").asText();
        assertThat(stored.body().path("contentType").asText()).as("found from the bytes, not the header").isEqualTo("image/png");
        assertThat(stored.body().path("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(stored.body().path("sha256").asText()).isEqualTo(sha256(photo));

        MobileClient.Download content = shopper.client.download(shopper.token, "/v1/uploads/" + uploadId + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.contentType()).startsWith("image/png");
        assertThat(content.body()).isEqualTo(photo);
        assertThat(shopper.client.get(shopper.token, "/v1/uploads/" + uploadId).body().path("status").asText()).isEqualTo("stored");

        String objectKey;
        try (Connection core = platform.coreDatabase(REGION);
             PreparedStatement query = core.prepareStatement("SELECT object_key, content_type, size_bytes, sha256 FROM uploads WHERE id = ?::uuid")) {
            query.setString(1, uploadId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the upload's metadata is in core_us_east_1").isTrue();
                objectKey = row.getString("object_key");
                assertThat(row.getString("content_type")).isEqualTo("image/png");
                assertThat(row.getLong("size_bytes")).isEqualTo(photo.length);
                assertThat(row.getString("sha256")).isEqualTo(sha256(photo));
            }
        }
        try (S3Client objects = platform.objectStore()) {
            HeadObjectResponse object = objects.headObject(head -> head.bucket(platform.cell(REGION).uploadsBucket()).key(objectKey));
            assertThat(object.contentLength()).isEqualTo(photo.length);
        }
        assertThat(feedHas(shopper, "upload", uploadId, Duration.ofSeconds(30))).as("the upload reaches the member's feed").isTrue();
    }

    @Test
    void anotherMemberFindsNeitherTheOrderNorThePhoto() throws Exception {
        Shopper owner = Shopper.signedUp();
        JsonNode page = owner.client.get(owner.token, "/v1/items?limit=1").body();
        String orderId = owner.client.placeOrder(owner.token, UUID.randomUUID().toString(), orderOf(page, 1)).body().path("id").asText();
        String uploadId = owner.client.upload(owner.token, photo(), "image/png").body().path("id").asText();

        Shopper other = Shopper.signedUp();
        assertThat(other.client.get(other.token, "/v1/orders/" + orderId).status()).isEqualTo(404);
        assertThat(other.client.get(other.token, "/v1/uploads/" + uploadId).status()).isEqualTo(404);
        assertThat(other.client.download(other.token, "/v1/uploads/" + uploadId + "/content").status()).isEqualTo(404);
        assertThat(other.client.get(other.token, "/v1/orders").body().path("orders")).isEmpty();
    }

    @Test
    void aMemberChangesTheirProfileAndTheTierChangeIsHistory() throws Exception {
        Shopper shopper = Shopper.signedUp();
        Map<String, Object> change = Map.of("name", "Ada Lovelace", "tier", "premium", "postalAddress",
                Map.of("line1", "12 St James's Square", "city", "London", "postalCode", "SW1Y 4JH", "country", "GB"));

        HttpResponse<String> changed = HTTP.send(HttpRequest.newBuilder(platform.router().resolve("/v1/profile"))
                .header("Authorization", "Bearer " + shopper.token).header("X-Client-Region", REGION)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(change)))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode profile = shopper.client.get(shopper.token, "/v1/profile").body();

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(profile.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(profile.path("tier").asText()).isEqualTo("premium");
        assertThat(profile.path("postalAddress").path("city").asText()).isEqualTo("London");
        try (Connection core = platform.coreDatabase(REGION);
             PreparedStatement query = core.prepareStatement("SELECT tier FROM membership_history WHERE member_id = ? ORDER BY id")) {
            query.setString(1, shopper.memberId());
            List<String> tiers = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tiers.add(rows.getString("tier"));
                }
            }
            assertThat(tiers).as("the member's tiers in core_us_east_1, oldest first").containsExactly("basic", "premium");
        }
    }

    @Test
    void storagesOwnApiIsNotFoundThroughTheRouterNorTheCellsIngress() throws Exception {
        Shopper shopper = Shopper.signedUp();
        MobileClient throughIngress = new MobileClient(HTTP, platform.ingress(REGION), shopper.email, REGION);
        for (String path : List.of("/storage/v1/items", "/storage/v1/members/" + UUID.randomUUID() + "/orders")) {
            assertThat(shopper.client.get(shopper.token, path).status()).as("router: " + path).isEqualTo(404);
            assertThat(throughIngress.get(shopper.token, path).status()).as("ingress: " + path).isEqualTo(404);
        }
    }

    /** A member signed up and logged in through the router from the journey's region. */
    private record Shopper(MobileClient client, String email, String token) {
        static Shopper signedUp() throws IOException {
            String email = "shopper-" + UUID.randomUUID() + "@example.test";
            MobileClient client = new MobileClient(HTTP, platform.router(), email, REGION);
            assertThat(client.signUp(PASSWORD).status()).isEqualTo(201);
            return new Shopper(client, email, client.logIn(PASSWORD).body().path("access_token").asText());
        }

        String memberId() throws IOException {
            return client.get(token, "/v1/profile").body().path("id").asText();
        }
    }

    private static Map<String, Object> orderOf(JsonNode page, int lines) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (int n = 0; n < lines; n++) {
            chosen.add(Map.of("sku", page.path("items").get(n).path("sku").asText(), "quantity", n + 1));
        }
        return Map.of("lines", chosen,
                "destination", Map.of("line1", "1 Main Street", "city", "Springfield", "postalCode", "62701", "country", "US"));
    }

    @SuppressWarnings("unchecked")
    private static long expectedWeight(JsonNode page, Map<String, Object> order) {
        long total = 0;
        for (Map<String, Object> line : (List<Map<String, Object>>) order.get("lines")) {
            for (JsonNode item : page.path("items")) {
                if (item.path("sku").asText().equals(line.get("sku"))) {
                    total += item.path("weightGrams").asLong() * (Integer) line.get("quantity");
                }
            }
        }
        return total;
    }

    private static int ordersWithKey(Shopper shopper, String key) throws Exception {
        try (Connection core = platform.coreDatabase(REGION);
             PreparedStatement query = core.prepareStatement("SELECT count(*) FROM orders WHERE member_id = ? AND idempotency_key = ?")) {
            query.setString(1, shopper.memberId());
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Events reach the feed through the broker a moment after the change, so the test polls with a deadline. */
    private static boolean feedHas(Shopper shopper, String kind, String sourceId, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            for (JsonNode item : shopper.client.get(shopper.token, "/v1/sync?limit=50").body().path("items")) {
                if (kind.equals(item.path("kind").asText()) && sourceId.equals(item.path("sourceId").asText())) {
                    return true;
                }
            }
            LockSupport.parkNanos(POLL_PAUSE.toNanos());
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(new Color(UUID.randomUUID().hashCode() & 0xffffff));
            graphics.fillRect(0, 0, 320, 240);
            graphics.setColor(Color.WHITE);
            graphics.fillOval(80, 60, 160, 120);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
