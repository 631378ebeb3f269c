package io.atoll.cell.app.api;

import io.atoll.cell.app.Api;
import io.atoll.cell.app.Checkins;
import io.atoll.cell.app.Reply;
import io.atoll.cell.app.TestCassandraProperties;
import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.TestServers;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "atoll.app.commands.max-pending", value = "3")
class CommandApiIT implements TestPropertyProvider {
    private static final String OPERATOR = "operator-1";

    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_commands");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestCassandraProperties.of(keyspace);
    }

    @AfterAll
    void dropKeyspace() {
        keyspace.close();
    }

    @Test
    void anOperatorsCommandReachesTheDeviceWithItsNextCheckinAndItsOutcomeTheMembersFeed() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);

        Reply issued = issue(api, device, Map.of("type", "upload_logs", "arguments", Map.of("since", "2026-11-01")));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.body()).containsEntry("status", "pending").containsEntry("issuedBy", OPERATOR).containsEntry("deviceId", device);
        String command = issued.text("id");

        Reply checkin = api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(UUID.randomUUID(), 0));
        assertThat(checkin.list("commands")).singleElement().satisfies(pending -> assertThat(pending)
                .containsEntry("id", command).containsEntry("type", "upload_logs").containsEntry("arguments", Map.of("since", "2026-11-01")));
        assertThat(api.get(member, "/v1/devices/" + device + "/commands").list("commands")).extracting(c -> c.get("id")).containsExactly(command);

        Reply ack = api.post(member, "/v1/devices/" + device + "/commands/" + command + "/ack", Map.of("outcome", "succeeded", "detail", "12 files"));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).containsEntry("status", "succeeded").containsEntry("detail", "12 files").containsKey("completedAt");
        assertThat(api.get(member, "/v1/devices/" + device + "/commands").list("commands")).isEmpty();
        assertThat(api.post(member, "/v1/devices/" + device + "/checkins", Checkins.body(UUID.randomUUID(), 0)).list("commands")).isEmpty();

        List<Map<String, Object>> feed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            feed.clear();
            feed.addAll(api.get(member, "/v1/sync").list("items"));
            return !feed.isEmpty();
        });
        assertThat(feed).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("kind", "command_result").containsEntry("sourceId", command).containsEntry("type", "upload_logs")
                .containsEntry("attributes", Map.of("outcome", "succeeded", "detail", "12 files")));
    }

    @Test
    void acknowledgingAgainWithTheSameOutcomeChangesNothingAndAnotherOutcomeIsAConflict() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        String command = issue(api, device, Map.of("type", "wipe_cache")).text("id");
        String ackPath = "/v1/devices/" + device + "/commands/" + command + "/ack";

        Reply first = api.post(member, ackPath, Map.of("outcome", "failed"));
        Reply again = api.post(member, ackPath, Map.of("outcome", "failed"));
        Reply other = api.post(member, ackPath, Map.of("outcome", "succeeded"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("completedAt")).isEqualTo(first.text("completedAt"));
        assertThat(other.status()).isEqualTo(409);
        Reply history = api.send(Api.asOperator(OPERATOR, HttpRequest.GET("/v1/operator/devices/" + device + "/commands")));
        assertThat(history.list("commands")).singleElement().satisfies(c -> assertThat(c).containsEntry("status", "failed"));
    }

    @Test
    void queueingCommandsNeedsTheOperatorScope() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);

        Reply asMember = api.post(member, "/v1/operator/devices/" + device + "/commands", Map.of("type", "ping"));
        Reply invalidAsMember = api.post(member, "/v1/operator/devices/" + device + "/commands", Map.of("type", "Not Valid!"));
        Reply historyAsMember = api.get(member, "/v1/operator/devices/" + device + "/commands");
        Reply anonymous = api.send(HttpRequest.GET("/v1/operator/devices/" + device + "/commands"));

        assertThat(asMember.status()).isEqualTo(403);
        assertThat(asMember.contentType()).isEqualTo("application/problem+json");
        assertThat(invalidAsMember.status()).isEqualTo(403);
        assertThat(historyAsMember.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(api.get(member, "/v1/devices/" + device + "/commands").list("commands")).isEmpty();
    }

    @Test
    void aMemberNeitherSeesNorAcknowledgesAnotherMembersCommands() {
        Api api = new Api(client);
        String owner = "member-" + UUID.randomUUID();
        String other = "member-" + UUID.randomUUID();
        String device = register(api, owner);
        String command = issue(api, device, Map.of("type", "ping")).text("id");

        Reply list = api.get(other, "/v1/devices/" + device + "/commands");
        Reply ack = api.post(other, "/v1/devices/" + device + "/commands/" + command + "/ack", Map.of("outcome", "succeeded"));

        assertThat(list.status()).isEqualTo(404);
        assertThat(ack.status()).isEqualTo(404);
        assertThat(api.get(owner, "/v1/devices/" + device + "/commands").list("commands")).extracting(c -> c.get("status")).containsExactly("pending");
    }

    @Test
    void aDeviceQueueIsBoundedAndUnknownOrRetiredDevicesTakeNoCommands() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String device = register(api, member);
        for (int i = 0; i < 3; i++) {
            assertThat(issue(api, device, Map.of("type", "ping")).status()).isEqualTo(201);
        }

        Reply full = issue(api, device, Map.of("type", "ping"));
        Reply unknown = issue(api, UUID.randomUUID().toString(), Map.of("type", "ping"));
        api.delete(member, "/v1/devices/" + device);
        Reply retired = issue(api, device, Map.of("type", "ping"));
        String active = register(api, member);
        Reply badType = issue(api, active, Map.of("type", "Reboot Now!"));
        Reply unknownCommand = api.post(member, "/v1/devices/" + active + "/commands/" + UUID.randomUUID() + "/ack", Map.of("outcome", "succeeded"));

        assertThat(full.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(retired.status()).isEqualTo(410);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(unknownCommand.status()).isEqualTo(404);
    }

    private Reply issue(Api api, String device, Map<String, Object> body) {
        return api.send(Api.asOperator(OPERATOR, HttpRequest.POST("/v1/operator/devices/" + device + "/commands", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    private String register(Api api, String member) {
        Reply reply = api.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "android"));
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("id");
    }
}
