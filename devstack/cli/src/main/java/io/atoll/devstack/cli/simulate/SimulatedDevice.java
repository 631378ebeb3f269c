package io.atoll.devstack.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;

/**
 * One member with one phone: signs up, logs in, registers the phone, then checks in again and again.
 * A check-in that got no good answer is retried with the same check-in id, as the real app does, so
 * the platform stores it once.
 */
final class SimulatedDevice {
    private static final String PASSWORD = "simulated-Passw0rd!";

    private final MobileClient client;
    private final String region;
    private final FleetStats stats;
    /** Present for the members who also order and upload photos, a small share of the fleet. */
    private final Optional<Shopping> shopping;
    private String accessToken;
    private String refreshToken;
    private String deviceId;
    /** The check-in still to be acknowledged; a retry resends it exactly, as the app must for its id to mean anything. */
    private Map<String, Object> pendingCheckin;

    SimulatedDevice(MobileClient client, String region, FleetStats stats, boolean shopper) {
        this.client = requireNonNull(client, "client is null");
        this.region = requireNonNull(region, "region is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.shopping = shopper ? Optional.of(new Shopping(client, region, stats)) : Optional.empty();
    }

    /** Does the next thing this device has to do; returns how long to wait before calling again. */
    Duration step(Duration interval) {
        try {
            if (deviceId == null) {
                return onboard() ? jittered(interval) : Duration.ofSeconds(1);
            }
            if (!checkIn()) {
                return Duration.ofSeconds(1);
            }
            // A shopper orders or uploads about every tenth time the app is open.
            if (shopping.isPresent() && ThreadLocalRandom.current().nextInt(10) == 0 && !shopping.get().shop(accessToken)) {
                return Duration.ofSeconds(1);
            }
            return jittered(interval);
        } catch (IOException e) {
            stats.failed(e.getClass().getSimpleName());
            return Duration.ofSeconds(1);
        }
    }

    private boolean onboard() throws IOException {
        if (accessToken == null) {
            MobileClient.Exchange signUp = client.signUp(PASSWORD);
            // 409: an earlier attempt got through but its answer was lost; the account is there.
            if (!signUp.ok() && signUp.status() != 409) {
                stats.failed("sign-up " + signUp.status());
                return false;
            }
            if (!logIn()) {
                return false;
            }
        }
        String platform = ThreadLocalRandom.current().nextBoolean() ? "android" : "ios";
        MobileClient.Exchange device = client.registerDevice(accessToken, "phone", platform);
        if (!device.ok()) {
            stats.failed("device " + device.status());
            return false;
        }
        deviceId = device.body().path("id").asText();
        stats.onboarded();
        return true;
    }

    private boolean logIn() throws IOException {
        MobileClient.Exchange token = client.logIn(PASSWORD);
        if (!token.ok()) {
            stats.failed("login " + token.status());
            return false;
        }
        keep(token.body());
        return true;
    }

    private boolean checkIn() throws IOException {
        if (pendingCheckin == null) {
            pendingCheckin = checkin(UUID.randomUUID());
        }
        MobileClient.Exchange answer = client.checkIn(accessToken, deviceId, pendingCheckin);
        if (answer.ok()) {
            pendingCheckin = null;
            stats.succeeded(region, answer.cell(), answer.latency());
            return true;
        }
        stats.failed("check-in " + answer.status());
        if (answer.status() == 401) {
            renewToken();
        }
        return false;
    }

    private void renewToken() throws IOException {
        MobileClient.Exchange refreshed = refreshToken == null ? null : client.refresh(refreshToken);
        if (refreshed != null && refreshed.ok()) {
            keep(refreshed.body());
        } else {
            logIn();
        }
    }

    private void keep(JsonNode tokens) {
        accessToken = tokens.path("access_token").asText();
        refreshToken = tokens.path("refresh_token").asText(null);
    }

    private static Map<String, Object> checkin(UUID checkinId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant now = Instant.now();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            events.add(Map.of("type", random.nextBoolean() ? "screen_view" : "order_viewed",
                    "occurredAt", now.minusSeconds(random.nextInt(60)).toString(),
                    "attributes", Map.of("screen", random.nextBoolean() ? "feed" : "orders")));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("appVersion", "3.4." + random.nextInt(3));
        state.put("os", random.nextBoolean() ? "android 15" : "ios 18.2");
        state.put("batteryPercent", random.nextInt(5, 101));
        state.put("networkType", random.nextInt(4) == 0 ? "cellular" : "wifi");
        return Map.of("checkinId", checkinId.toString(), "clientTime", now.toString(), "state", state, "events", events);
    }

    /** Real devices drift apart: each waits the interval give or take a fifth, so the fleet never marches in step. */
    private static Duration jittered(Duration interval) {
        double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (interval.toMillis() * factor)));
    }
}
