package io.atoll.cell.app.api;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.atoll.cell.app.Api;
import io.atoll.cell.app.Checkins;
import io.atoll.cell.app.Reply;
import io.atoll.cell.app.TestCassandraProperties;
import io.atoll.cell.app.domain.TimeUuids;
import io.atoll.cell.app.domain.feed.FeedEntry;
import io.atoll.cell.app.domain.feed.FeedItemKind;
import io.atoll.cell.app.domain.feed.FeedPosition;
import io.atoll.cell.app.domain.feed.FeedStore;
import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.TestServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckinApiIT implements TestPropertyProvider {
    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_checkins");
    private CqlSession cql;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    FeedStore feed;

    @Override
    public Map<String, String> getProperties() {
        return TestCassandraProperties.of(keyspace);
    }

    @BeforeAll
    void openSession() {
        cql = keyspace.session();
    }

    @AfterAll
    void dropKeyspace() {
        cql.close();
        keyspace.close();
    }

    @Test
    void aCheckinIsStoredAndAnsweredWithTheNextIntervalAndBecomesTheDevicesLatestState() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        UUID checkinId = UUID.randomUUID();

        Reply reply = api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(checkinId, 3));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).containsEntry("checkinId", checkinId.toString()).containsEntry("replayed", false);
        // The default interval is 5 minutes with 10 % jitter.
        assertThat(((Number) reply.body().get("nextCheckinSeconds")).longValue()).isBetween(270L, 330L);
        assertThat(reply.list("commands")).isEmpty();
        assertThat(Instant.parse(reply.text("receivedAt"))).isBetween(Instant.now().minusSeconds(30), Instant.now());

        Reply stored = api.get(member, "/v1/devices/" + device + "/checkins/" + checkinId);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.text("receivedAt")).isEqualTo(reply.text("receivedAt"));
        assertThat(stored.object("state")).containsEntry("appVersion", "3.2.1").containsEntry("batteryPercent", 81).containsEntry("networkType", "wifi");
        assertThat(stored.list("events")).extracting(event -> event.get("type")).containsExactly("screen_view", "screen_view", "screen_view");
        assertThat(stored.list("events").get(2).get("attributes")).isEqualTo(Map.of("screen", "screen-2"));

        Map<String, Object> state = api.get(member, "/v1/devices/" + device).object("latestState");
        assertThat(state).containsEntry("checkinId", checkinId.toString()).containsEntry("os", "Android 14");
    }

    @Test
    void aRetriedCheckinIsAcknowledgedAgainAndStoredOnce() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        Map<String, Object> body = Checkins.body(UUID.randomUUID(), 2);

        Reply first = api.post(member, "/v1/devices/" + device + "/checkins", body);
        Reply retry = api.post(member, "/v1/devices/" + device + "/checkins", body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("replayed", false);
        assertThat(retry.body()).containsEntry("replayed", true).containsEntry("receivedAt", first.text("receivedAt"));
        assertThat(rawCheckins(device)).isEqualTo(1);
        assertThat(feedItems(member)).isEqualTo(2);
    }

    @Test
    void manyConcurrentRetriesOfOneCheckinStoreItExactlyOnce() throws Exception {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        Map<String, Object> body = Checkins.body(UUID.randomUUID(), 5);
        int attempts = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                Callable<Reply> attempt = () -> {
                    start.await();
                    return api.post(member, "/v1/devices/" + device + "/checkins", body);
                };
                replies.add(threads.submit(attempt));
            }
            start.countDown();
            List<Reply> answers = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answers.add(reply.get());
            }

            assertThat(answers).extracting(Reply::status).containsOnly(200);
            assertThat(answers).filteredOn(answer -> Boolean.FALSE.equals(answer.body().get("replayed"))).hasSize(1);
            assertThat(answers).extracting(answer -> answer.text("receivedAt")).containsOnly(answers.get(0).text("receivedAt"));
        } finally {
            threads.shutdownNow();
        }
        assertThat(rawCheckins(device)).isEqualTo(1);
        assertThat(feedItems(member)).isEqualTo(5);
    }

    @Test
    void theSameCheckinIdWithDifferentContentIsRefused() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        UUID checkinId = UUID.randomUUID();
        api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(checkinId, 1));

        Reply reused = api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(checkinId, 4));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).isEqualTo("application/problem+json");
        assertThat(api.get(member, "/v1/devices/" + device + "/checkins/" + checkinId).list("events")).hasSize(1);
    }

    @Test
    void aRetiredDeviceAcceptsNoMoreCheckinsEvenRightAfterCheckingIn() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        // The app now remembers the device as active; retiring it must still take effect at once.
        Reply accepted = api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(UUID.randomUUID(), 1));
        api.delete(member, "/v1/devices/" + device);

        Reply reply = api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(UUID.randomUUID(), 1));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(410);
        assertThat(rawCheckins(device)).isEqualTo(1);
    }

    @Test
    void aMemberCannotCheckInOrReadForAnotherMembersDevice() {
        Api api = new Api(client);
        String owner = "member-" + UUID.randomUUID();
        String intruder = "member-" + UUID.randomUUID();
        String device = register(api, owner);
        UUID checkinId = UUID.randomUUID();
        api.post(owner, "/v1/devices/" + device + "/checkins", Checkins.body(checkinId, 1));

        Reply write = api.post(intruder, "/v1/devices/" + device + "/checkins", Checkins.body(UUID.randomUUID(), 1));
        Reply read = api.get(intruder, "/v1/devices/" + device + "/checkins/" + checkinId);

        assertThat(write.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
        assertThat(rawCheckins(device)).isEqualTo(1);
        assertThat(feedItems(intruder)).isZero();
    }

    @Test
    void malformedCheckinsAre400sAndNothingIsStored() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        Map<String, Object> valid = Checkins.body(UUID.randomUUID(), 1);
        String path = "/v1/devices/" + device + "/checkins";

        List<Reply> replies = List.of(
                api.post(member, path, Checkins.with(valid, "mood", "happy")),
                api.post(member, path, Checkins.with(valid, "checkinId", "not-a-uuid")),
                api.post(member, path, Checkins.with(valid, "clientTime", "yesterday")),
                api.post(member, path, Checkins.with(valid, "state", Map.of("appVersion", "1", "os", "iOS", "batteryPercent", "full", "networkType", "wifi"))),
                api.post(member, path, Checkins.with(valid, "state", Map.of("appVersion", "1", "os", "iOS", "batteryPercent", 140, "networkType", "wifi"))),
                api.post(member, path, Checkins.with(valid, "state", Map.of("appVersion", "1", "os", "iOS", "networkType", "carrier-pigeon"))),
                api.post(member, path, Checkins.with(valid, "events", "none")),
                api.post(member, path, Checkins.with(valid, "events", List.of(Map.of("type", "Bad Type!", "occurredAt", Instant.now().toString())))),
                api.post(member, path, Checkins.with(valid, "events", List.of(Map.of("type", "note")))),
                api.post(member, path, Checkins.with(valid, "events", Collections.singletonList(null))),
                api.post(member, path, Checkins.with(valid, "events", List.of(Map.of("type", "note", "occurredAt", Instant.now().toString(),
                        "attributes", Map.of("text", "x".repeat(513)))))),
                api.post(member, path, Checkins.with(valid, "checkinId", null)),
                api.post(member, "/v1/devices/not-a-uuid/checkins", valid));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        });
        assertThat(rawCheckins(device)).isZero();
    }

    @Test
    void tooManyEventsOrTooLargeABodyIs413() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        String path = "/v1/devices/" + device + "/checkins";

        Reply tooMany = api.post(member, path, Checkins.body(UUID.randomUUID(), 201));
        Map<String, Object> huge = Checkins.with(Checkins.body(UUID.randomUUID(), 0), "events",
                List.of(Map.of("type", "note", "occurredAt", Instant.now().toString(), "attributes", Map.of("text", "x".repeat(300_000)))));
        Reply tooLarge = api.post(member, path, huge);

        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.contentType()).isEqualTo("application/problem+json");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(rawCheckins(device)).isZero();
    }

    @Test
    void timestampsFarInTheFutureOrPastAre422() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        String path = "/v1/devices/" + device + "/checkins";
        Instant now = Instant.now();

        Reply future = api.post(member, path, Checkins.body(UUID.randomUUID(), now.plus(Duration.ofHours(2)), 1));
        Reply past = api.post(member, path, Checkins.body(UUID.randomUUID(), now.minus(Duration.ofDays(8)), 1));
        Reply oldEvent = api.post(member, path, Checkins.with(Checkins.body(UUID.randomUUID(), 0), "events",
                List.of(Map.of("type", "tap", "occurredAt", "1999-12-31T23:59:59Z"))));
        Reply lateButFine = api.post(member, path, Checkins.body(UUID.randomUUID(), now.minus(Duration.ofDays(6)), 1));

        assertThat(future.status()).isEqualTo(422);
        assertThat(past.status()).isEqualTo(422);
        assertThat(oldEvent.status()).isEqualTo(422);
        assertThat(oldEvent.text("detail")).contains("events[0].occurredAt");
        assertThat(lateButFine.status()).isEqualTo(200);
        assertThat(rawCheckins(device)).isEqualTo(1);
    }

    @Test
    void aCheckinWhoseFirstAttemptDiedBeforeWritingIsCompletedByTheRetryAtAFreshFeedPosition() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        Map<String, Object> body = Checkins.body(UUID.randomUUID(), 3);
        UUID checkinId = UUID.fromString((String) body.get("checkinId"));
        api.post(member, "/v1/devices/" + device + "/checkins", body);
        UUID settled = positionAt(Instant.now().minus(Duration.ofHours(1)));
        unwrite(member, device, checkinId, settled);

        Reply retry = api.post(member, "/v1/devices/" + device + "/checkins", body);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).containsEntry("replayed", true);
        UUID moved = receipt(device, checkinId).getUuid("feed_position");
        assertThat(moved).isNotEqualTo(settled);
        assertThat(feedItemsAt(member, moved)).isEqualTo(3);
        assertThat(feedItems(member)).isEqualTo(3);
        assertThat(rawCheckins(device)).isEqualTo(1);
    }

    @Test
    void aRetryFindsTheItemsADeadAttemptDidWriteAndAddsNoSecondCopy() {
        retryFindsTheItemsAt(positionAt(Instant.now().minus(Duration.ofHours(1))));
    }

    @Test
    void aRetryJustPastTheWriteWindowOfACompleteCheckinIsAcknowledgedAtOnce() {
        // Past the write window (1 s in tests), not yet settled (6 s): the items are there, so nothing is in doubt.
        retryFindsTheItemsAt(positionAt(Instant.now().minus(Duration.ofSeconds(2))));
    }

    private void retryFindsTheItemsAt(UUID position) {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        Map<String, Object> body = Checkins.body(UUID.randomUUID(), 2);
        UUID checkinId = UUID.fromString((String) body.get("checkinId"));
        api.post(member, "/v1/devices/" + device + "/checkins", body);
        unwrite(member, device, checkinId, position);
        feed.write(member, position, List.of(
                FeedEntry.fromDevice(FeedItemKind.ACTIVITY, UUID.fromString(device), checkinId, "screen_view", Instant.now(), Map.of()),
                FeedEntry.fromDevice(FeedItemKind.ACTIVITY, UUID.fromString(device), checkinId, "screen_view", Instant.now(), Map.of())),
                Duration.ofDays(1)).join();

        Reply retry = api.post(member, "/v1/devices/" + device + "/checkins", body);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).containsEntry("replayed", true);
        assertThat(receipt(device, checkinId).getUuid("feed_position")).isEqualTo(position);
        assertThat(feedItemsAt(member, position)).isEqualTo(2);
        assertThat(feedItems(member) + feedItemsOn(member, FeedPosition.dayOf(position).minusDays(1))).isEqualTo(2);
        assertThat(rawCheckins(device)).isEqualTo(1);
    }

    @Test
    void aRetryWhileAnEarlierAttemptMayStillBeWritingIsAskedToComeBackAndThenStoresOnce() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        Map<String, Object> body = Checkins.body(UUID.randomUUID(), 1);
        UUID checkinId = UUID.fromString((String) body.get("checkinId"));
        api.post(member, "/v1/devices/" + device + "/checkins", body);
        // Past the write window (1 s in tests), not yet settled (6 s).
        UUID unsettled = positionAt(Instant.now().minus(Duration.ofSeconds(2)));
        unwrite(member, device, checkinId, unsettled);

        Reply early = api.post(member, "/v1/devices/" + device + "/checkins", body);

        assertThat(early.status()).isEqualTo(503);
        assertThat(early.contentType()).isEqualTo("application/problem+json");
        assertThat(early.headers().get("Retry-After")).isEqualTo("7");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.post(member, "/v1/devices/" + device + "/checkins", body).status() == 200);
        assertThat(receipt(device, checkinId).getUuid("feed_position")).isNotEqualTo(unsettled);
        assertThat(feedItems(member)).isEqualTo(1);
    }

    /**
     * Turns a stored check-in back into one whose first attempt claimed its receipt (with {@code position} as
     * feed position) and died before writing anything else: no raw check-in, no feed items.
     */
    private void unwrite(String member, String device, UUID checkinId, UUID position) {
        UUID deviceId = UUID.fromString(device);
        Row receipt = receipt(device, checkinId);
        UUID written = receipt.getUuid("feed_position");
        UUID receivedAt = receipt.getUuid("received_at");
        cql.execute("DELETE FROM feed_items WHERE member_id = ? AND day = ? AND position = ?", member, FeedPosition.dayOf(written), written);
        cql.execute("DELETE FROM checkins WHERE device_id = ? AND day = ? AND received_at = ? AND checkin_id = ?",
                deviceId, FeedPosition.dayOf(receivedAt), receivedAt, checkinId);
        cql.execute("UPDATE checkin_receipts SET feed_position = ? WHERE device_id = ? AND checkin_id = ?", position, deviceId, checkinId);
        assertThat(rawCheckins(device)).isZero();
    }

    private Row receipt(String device, UUID checkinId) {
        return cql.execute("SELECT received_at, feed_position FROM checkin_receipts WHERE device_id = ? AND checkin_id = ?",
                UUID.fromString(device), checkinId).one();
    }

    private static UUID positionAt(Instant instant) {
        return new TimeUuids(Clock.fixed(instant, ZoneOffset.UTC)).next();
    }

    private String register(Api api, String member) {
        Reply reply = api.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "android"));
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("id");
    }

    /** Raw check-ins of the device today and yesterday (a test may run across midnight). */
    private long rawCheckins(String device) {
        long count = 0;
        for (int daysAgo = 0; daysAgo <= 1; daysAgo++) {
            count += cql.execute("SELECT count(*) FROM checkins WHERE device_id = ? AND day = ?", UUID.fromString(device),
                    LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo)).one().getLong(0);
        }
        return count;
    }

    /** Feed items of the member today and yesterday. */
    private long feedItems(String member) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return feedItemsOn(member, today) + feedItemsOn(member, today.minusDays(1));
    }

    private long feedItemsAt(String member, UUID position) {
        return cql.execute("SELECT count(*) FROM feed_items WHERE member_id = ? AND day = ? AND position = ?", member,
                FeedPosition.dayOf(position), position).one().getLong(0);
    }

    private long feedItemsOn(String member, LocalDate day) {
        return cql.execute("SELECT count(*) FROM feed_items WHERE member_id = ? AND day = ?", member, day).one().getLong(0);
    }
}
