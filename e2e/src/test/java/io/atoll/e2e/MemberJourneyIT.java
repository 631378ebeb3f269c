package io.atoll.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.atoll.devstack.cli.simulate.MobileClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's journey through a cell's real ingress (auth) to its real app, on the real Cassandra. */
class MemberJourneyIT {
    private static final String PASSWORD = "journey-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Between polls of a condition that settles on its own: not a wait for it, only pacing. */
    private static final Duration POLL_PAUSE = Duration.ofMillis(200);
    private static E2ePlatform platform;

    @BeforeAll
    static void platform() {
        platform = E2ePlatform.get();
    }

    @Test
    void signUpLogInRegisterAPhoneCheckInAndSeeItInTheFeed() throws Exception {
        MobileClient member = member("eu-west-1");
        assertThat(member.signUp(PASSWORD).status()).isEqualTo(201);
        String token = member.logIn(PASSWORD).body().path("access_token").asText();
        String device = member.registerDevice(token, "pixel", "android").body().path("id").asText();

        Map<String, Object> checkin = checkin(UUID.randomUUID());
        MobileClient.Exchange first = member.checkIn(token, device, checkin);
        MobileClient.Exchange retry = member.checkIn(token, device, checkin);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("replayed").asBoolean()).isFalse();
        assertThat(first.body().path("nextCheckinSeconds").asLong()).isPositive();
        assertThat(retry.body().path("replayed").asBoolean()).as("the retry is acknowledged as the same check-in").isTrue();
        assertThat(retry.body().path("receivedAt").asText()).isEqualTo(first.body().path("receivedAt").asText());
        assertThat(feedMentions(member, token, device, Duration.ofSeconds(30))).as("the check-in's event reaches the feed").isTrue();
    }

    @Test
    void identityHeadersAClientForgesAreNotBelieved() throws Exception {
        MobileClient victim = member("eu-west-1");
        victim.signUp(PASSWORD);
        String victimToken = victim.logIn(PASSWORD).body().path("access_token").asText();
        String device = victim.registerDevice(victimToken, "iphone", "ios").body().path("id").asText();

        MobileClient intruder = member("eu-west-1");
        intruder.signUp(PASSWORD);
        String intruderToken = intruder.logIn(PASSWORD).body().path("access_token").asText();

        assertThat(intruder.get(intruderToken, "/v1/devices/" + device).status()).isEqualTo(404);
        assertThat(intruder.get("not-a-token", "/v1/devices").status()).isEqualTo(401);
    }

    @Test
    void aTokenFromOneCellIsAcceptedByTheOtherWhichSeesTheMembersReplicatedDevices() throws Exception {
        MobileClient atHome = member("eu-west-1");
        atHome.signUp(PASSWORD);
        String token = atHome.logIn(PASSWORD).body().path("access_token").asText();
        String device = atHome.registerDevice(token, "tablet", "android").body().path("id").asText();

        MobileClient elsewhere = new MobileClient(HTTP, platform.ingress("us-east-1"), "unused@example.test", "us-east-1");
        MobileClient.Exchange devices = pollUntilOk(() -> elsewhere.get(token, "/v1/devices/" + device), Duration.ofSeconds(10));

        assertThat(devices.status()).as("us-east-1 trusts eu-west-1's key and reads the replicated device").isEqualTo(200);
        assertThat(devices.body().path("id").asText()).isEqualTo(device);
    }

    static MobileClient member(String region) {
        String email = "journey-" + UUID.randomUUID() + "@example.test";
        return new MobileClient(HTTP, platform.ingress(region), email, region);
    }

    static Map<String, Object> checkin(UUID checkinId) {
        Instant now = Instant.now();
        return Map.of("checkinId", checkinId.toString(), "clientTime", now.toString(),
                "state", Map.of("appVersion", "3.4.1", "os", "android 15", "batteryPercent", 80, "networkType", "wifi"),
                "events", List.of(Map.of("type", "screen_view", "occurredAt", now.minusSeconds(5).toString(), "attributes", Map.of("screen", "feed"))));
    }

    /** The feed settles a few seconds after a write, so the test polls it with a deadline. */
    private static boolean feedMentions(MobileClient member, String token, String device, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            JsonNode items = member.get(token, "/v1/sync?limit=50").body().path("items");
            for (JsonNode item : items) {
                if (device.equals(item.path("deviceId").asText())) {
                    return true;
                }
            }
            LockSupport.parkNanos(POLL_PAUSE.toNanos());
        } while (System.nanoTime() < deadline);
        return false;
    }

    @FunctionalInterface
    interface Call {
        MobileClient.Exchange send() throws IOException;
    }

    /** Replication between datacenters is asynchronous: the other cell may need a moment to see a write. */
    static MobileClient.Exchange pollUntilOk(Call call, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        MobileClient.Exchange exchange;
        while (!(exchange = call.send()).ok() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_PAUSE.toNanos());
        }
        return exchange;
    }
}
