package io.atoll.cell.app.api;

import io.atoll.cell.app.Api;
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

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "atoll.app.devices.max-per-member", value = "3")
class DeviceApiIT implements TestPropertyProvider {
    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_devices");

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
    void aRegisteredDeviceGetsAUuidAndIsListedAndReadable() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();

        Reply created = api.post(member, "/v1/devices", Map.of("name", "Pixel 8", "platform", "android"));

        assertThat(created.status()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("id"));
        assertThat(created.headers().get("Location")).isEqualTo("/v1/devices/" + id);
        assertThat(created.body()).containsEntry("name", "Pixel 8").containsEntry("platform", "android").containsEntry("status", "active");

        Reply read = api.get(member, "/v1/devices/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).containsEntry("id", id.toString()).containsEntry("name", "Pixel 8").doesNotContainKey("latestState");

        Reply list = api.get(member, "/v1/devices");
        assertThat(list.list("devices")).extracting(device -> device.get("id")).containsExactly(id.toString());
    }

    @Test
    void aRetiredDeviceStaysReadableAsRetiredAndRetiringAgainChangesNothing() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String byDelete = api.post(member, "/v1/devices", Map.of("name", "Old phone", "platform", "ios")).text("id");
        String byPost = api.post(member, "/v1/devices", Map.of("name", "Older phone", "platform", "ios")).text("id");

        Reply deleted = api.delete(member, "/v1/devices/" + byDelete);
        Reply posted = api.post(member, "/v1/devices/" + byPost + "/retire", Map.of());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).containsEntry("status", "retired").containsKey("retiredAt");
        assertThat(posted.body()).containsEntry("status", "retired");
        assertThat(api.get(member, "/v1/devices/" + byDelete).body()).containsEntry("status", "retired")
                .containsEntry("retiredAt", deleted.text("retiredAt"));
        Reply again = api.delete(member, "/v1/devices/" + byDelete);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("retiredAt")).isEqualTo(deleted.text("retiredAt"));
    }

    @Test
    void aMemberNeverSeesOrRetiresAnotherMembersDevice() {
        Api api = new Api(client);
        String owner = "member-" + UUID.randomUUID();
        String other = "member-" + UUID.randomUUID();
        String id = api.post(owner, "/v1/devices", Map.of("name", "Mine", "platform", "android")).text("id");

        Reply read = api.get(other, "/v1/devices/" + id);
        Reply retire = api.delete(other, "/v1/devices/" + id);
        Reply list = api.get(other, "/v1/devices");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).isEqualTo("application/problem+json");
        assertThat(retire.status()).isEqualTo(404);
        assertThat(list.list("devices")).isEmpty();
        assertThat(api.get(owner, "/v1/devices/" + id).body()).containsEntry("status", "active");
        // Unknown ids answer exactly like another member's: the answer tells nothing about who owns what.
        Reply unknown = api.get(other, "/v1/devices/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("title")).isEqualTo(read.text("title"));
    }

    @Test
    void aMemberHasAtMostTheConfiguredNumberOfActiveDevices() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();
        String first = null;
        for (int i = 0; i < 3; i++) {
            Reply created = api.post(member, "/v1/devices", Map.of("name", "Phone " + i, "platform", "android"));
            assertThat(created.status()).isEqualTo(201);
            first = first == null ? created.text("id") : first;
        }

        Reply fourth = api.post(member, "/v1/devices", Map.of("name", "Phone 4", "platform", "android"));
        assertThat(fourth.status()).isEqualTo(409);

        api.delete(member, "/v1/devices/" + first);
        assertThat(api.post(member, "/v1/devices", Map.of("name", "Phone 4", "platform", "android")).status()).isEqualTo(201);
    }

    @Test
    void badRegistrationsAreClientErrorsAsProblems() {
        Api api = new Api(client);
        String member = "member-" + UUID.randomUUID();

        Reply unknownField = api.post(member, "/v1/devices", "{\"name\": \"Phone\", \"platform\": \"android\", \"colour\": \"red\"}");
        Reply wrongType = api.post(member, "/v1/devices", "{\"name\": {\"first\": \"Phone\"}, \"platform\": \"android\"}");
        Reply unknownPlatform = api.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "symbian"));
        Reply blankName = api.post(member, "/v1/devices", Map.of("name", " ", "platform", "ios"));
        Reply notJson = api.post(member, "/v1/devices", "{name");

        for (Reply reply : new Reply[] {unknownField, wrongType, unknownPlatform, blankName, notJson}) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.body().toString()).doesNotContain("io.atoll").doesNotContain("Exception").doesNotContain("DeviceRegistration");
        }
        assertThat(unknownField.text("detail")).isEqualTo("Unknown field 'colour'.");
        assertThat(api.get(member, "/v1/devices").list("devices")).isEmpty();
    }

    @Test
    void aDeviceIdThatIsNoUuidIsA400() {
        Reply reply = new Api(client).get("member-" + UUID.randomUUID(), "/v1/devices/not-a-uuid");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aRequestWithoutVerifiedIdentityIsA401() {
        Reply reply = new Api(client).send(HttpRequest.POST("/v1/devices", Map.of("name", "Phone", "platform", "ios"))
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }
}
