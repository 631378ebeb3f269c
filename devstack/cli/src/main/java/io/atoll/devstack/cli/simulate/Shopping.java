package io.atoll.devstack.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;

/**
 * What a shopping member does now and then besides checking in: browses the catalogue and orders, or
 * uploads a photo. An order that got no good answer is sent again with the same idempotency key and body,
 * as the app must, so the member is charged once.
 */
final class Shopping {
    private final MobileClient client;
    private final String region;
    private final FleetStats stats;
    private List<String> catalogue = List.of();
    private PendingOrder pendingOrder;

    private record PendingOrder(String key, Map<String, Object> body) {
    }

    Shopping(MobileClient client, String region, FleetStats stats) {
        this.client = requireNonNull(client, "client is null");
        this.region = requireNonNull(region, "region is null");
        this.stats = requireNonNull(stats, "stats is null");
    }

    /** Orders or uploads, half the time each; an order still unanswered is sent again first. Returns whether it went well. */
    boolean shop(String accessToken) throws IOException {
        if (pendingOrder != null || ThreadLocalRandom.current().nextBoolean()) {
            return order(accessToken);
        }
        return upload(accessToken);
    }

    private boolean order(String accessToken) throws IOException {
        if (pendingOrder == null) {
            if (catalogue.isEmpty() && !browse(accessToken)) {
                return false;
            }
            pendingOrder = new PendingOrder(UUID.randomUUID().toString(), orderOf(catalogue));
        }
        MobileClient.Exchange placed = client.placeOrder(accessToken, pendingOrder.key(), pendingOrder.body());
        if (!placed.ok()) {
            stats.failed("order " + placed.status());
            return false;
        }
        pendingOrder = null;
        stats.succeeded(region, placed.cell(), placed.latency());
        return true;
    }

    private boolean browse(String accessToken) throws IOException {
        MobileClient.Exchange items = client.get(accessToken, "/v1/items?limit=50");
        if (!items.ok()) {
            stats.failed("items " + items.status());
            return false;
        }
        stats.succeeded(region, items.cell(), items.latency());
        List<String> skus = new ArrayList<>();
        for (JsonNode item : items.body().path("items")) {
            skus.add(item.path("sku").asText());
        }
        catalogue = List.copyOf(skus);
        return !catalogue.isEmpty();
    }

    private Map<String, Object> orderOf(List<String> skus) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> shuffled = new ArrayList<>(skus);
        Collections.shuffle(shuffled, random);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String sku : shuffled.subList(0, Math.min(shuffled.size(), random.nextInt(1, 4)))) {
            lines.add(Map.of("sku", sku, "quantity", random.nextInt(1, 4)));
        }
        return Map.of("lines", lines, "destination", destination());
    }

    private Map<String, Object> destination() {
        return region.startsWith("us-")
                ? Map.of("line1", "1 Main Street", "city", "Springfield", "postalCode", "62701", "country", "US")
                : Map.of("line1", "1 Grand Canal Quay", "city", "Dublin", "postalCode", "D02 X123", "country", "IE");
    }

    private boolean upload(String accessToken) throws IOException {
        MobileClient.Exchange stored = client.upload(accessToken, photo(), "image/png");
        if (!stored.ok()) {
            stats.failed("upload " + stored.status());
            return false;
        }
        stats.succeeded(region, stored.cell(), stored.latency());
        return true;
    }

    /** A small picture of its own each time, so that no two uploads are the same bytes. */
    static byte[] photo() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(new Color(random.nextInt(0x1000000)));
            graphics.fillRect(0, 0, 96, 64);
            graphics.setColor(new Color(random.nextInt(0x1000000)));
            graphics.fillOval(random.nextInt(48), random.nextInt(32), 40, 28);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a generated picture", e);
        }
        return png.toByteArray();
    }
}
