package io.atoll.cell.app.api;

import io.atoll.cell.app.Api;
import io.atoll.cell.app.Checkins;
import io.atoll.cell.app.Reply;
import io.atoll.cell.app.TestCassandraProperties;
import io.atoll.cell.app.domain.TimeUuids;
import io.atoll.cell.app.domain.feed.FeedEntry;
import io.atoll.cell.app.domain.feed.FeedItemKind;
import io.atoll.cell.app.domain.feed.FeedStore;
import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.TestServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedSyncIT implements TestPropertyProvider {
    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_feed");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    FeedStore feed;

    @Override
    public Map<String, String> getProperties() {
        return TestCassandraProperties.of(keyspace);
    }

    @AfterAll
    void dropKeyspace() {
        keyspace.close();
    }

    @Test
    void pagesAcrossADayBoundaryInOrderWithoutGapsOrDuplicates() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        Instant midnight = LocalDate.now(ZoneOffset.UTC).minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Seven publications (two of them with two items) around midnight: the last four on the later day.
        List<String> expected = new ArrayList<>();
        expected.addAll(publish(member, midnight.minusMillis(2_500), "late-evening", 2));
        expected.addAll(publish(member, midnight.minusMillis(1_000), "just-before", 1));
        expected.addAll(publish(member, midnight.minusMillis(1), "last-millisecond", 1));
        expected.addAll(publish(member, midnight, "first-millisecond", 1));
        expected.addAll(publish(member, midnight.plusMillis(1), "just-after", 2));
        expected.addAll(publish(member, midnight.plusSeconds(3), "early-morning", 1));
        expected.addAll(publish(member, midnight.plusSeconds(3_600), "an-hour-later", 1));

        List<String> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10 && (hasMore.isEmpty() || hasMore.get(hasMore.size() - 1)); page++) {
            Reply reply = api.get(member, "/v1/sync?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(reply.status()).isEqualTo(200);
            reply.list("items").forEach(item -> seen.add((String) item.get("type")));
            hasMore.add((Boolean) reply.body().get("hasMore"));
            cursor = reply.text("cursor");
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(hasMore).containsExactly(true, true, false);
        Reply after = api.get(member, "/v1/sync?limit=3&cursor=" + cursor);
        assertThat(after.list("items")).isEmpty();
        assertThat(after.body()).containsEntry("hasMore", false);
    }

    @Test
    void itemsAreTheMembersAloneAndCarryWhatWasPublished() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);
        publish(member, at, "opened", 1);

        Reply mine = api.get(member, "/v1/sync");
        Reply theirs = api.get("member-" + UUID.randomUUID(), "/v1/sync");

        assertThat(mine.list("items")).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("kind", "activity").containsEntry("type", "opened-0").containsEntry("attributes", Map.of("n", "0"));
            assertThat(Instant.parse((String) item.get("recordedAt"))).isEqualTo(at);
        });
        assertThat(theirs.list("items")).isEmpty();
        assertThat(theirs.text("cursor")).isNotBlank();
    }

    @Test
    void newCheckinsShowUpAfterTheLastCursorOnceSettled() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = api.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "ios")).text("id");
        api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(UUID.randomUUID(), 2));
        List<Map<String, Object>> first = new ArrayList<>();
        String[] cursor = {null};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Reply reply = api.get(member, "/v1/sync" + (cursor[0] == null ? "" : "?cursor=" + cursor[0]));
            first.addAll(reply.list("items"));
            cursor[0] = reply.text("cursor");
            return first.size() >= 2;
        });
        UUID second = UUID.randomUUID();
        api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(second, 3));

        List<Map<String, Object>> next = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Reply reply = api.get(member, "/v1/sync?cursor=" + cursor[0]);
            next.addAll(reply.list("items"));
            cursor[0] = reply.text("cursor");
            return next.size() >= 3;
        });

        assertThat(first).hasSize(2);
        assertThat(next).hasSize(3).allSatisfy(item -> assertThat(item).containsEntry("sourceId", second.toString())
                .containsEntry("deviceId", device).containsEntry("kind", "activity"));
        assertThat(api.get(member, "/v1/sync?cursor=" + cursor[0]).list("items")).isEmpty();
    }

    @Test
    void aCursorTheServiceDidNotIssueOrABadLimitIsA400() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();

        for (String query : List.of("cursor=bm9wZQ", "cursor=not*base64", "limit=0", "limit=501", "limit=many")) {
            Reply reply = api.get(member, "/v1/sync?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        }
    }

    /** Publishes {@code items} entries at the given instant; answers their types in feed order. */
    private List<String> publish(String member, Instant at, String label, int items) {
        UUID position = new TimeUuids(Clock.fixed(at, ZoneOffset.UTC)).next();
        List<FeedEntry> entries = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            entries.add(FeedEntry.fromDevice(FeedItemKind.ACTIVITY, UUID.randomUUID(), UUID.randomUUID(), label + "-" + i, at, Map.of("n", String.valueOf(i))));
            types.add(label + "-" + i);
        }
        feed.write(member, position, entries, Duration.ofDays(30)).join();
        return types;
    }
}
