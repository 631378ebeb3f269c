package io.atoll.cell.app.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.datastax.oss.driver.api.core.CqlSession;
import io.atoll.cell.app.Api;
import io.atoll.cell.app.Checkins;
import io.atoll.cell.app.Management;
import io.atoll.cell.app.Reply;
import io.atoll.cell.app.TestCassandraProperties;
import io.atoll.cell.app.store.CassandraConnection;
import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraUnavailableIT {
    private final CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app_outage");

    @AfterAll
    void dropKeyspace() {
        keyspace.close();
    }

    @Test
    void whileCassandraCannotBeReachedRequestsAre503WithRetryAfterAndTheSameCheckinLaterIsStoredOnce() throws IOException {
        String member = "member-" + UUID.randomUUID();
        Map<String, Object> checkin = Checkins.body(UUID.randomUUID(), 2);
        try (EmbeddedServer working = start(TestCassandraProperties.of(keyspace));
             HttpClient workingClient = HttpClient.create(working.getURL())) {
            Api workingApi = new Api(workingClient);
            String device = workingApi.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "android")).text("id");
            String path = "/v1/devices/" + device + "/checkins";

            try (EmbeddedServer cut = start(nothingListening());
                 HttpClient cutClient = HttpClient.create(cut.getURL());
                 HttpClient cutManagement = HttpClient.create(Management.url(cut))) {
                Api cutApi = new Api(cutClient);
                List<Reply> outage = List.of(
                        cutApi.post(member, path, checkin),
                        cutApi.post(member, path, checkin),
                        cutApi.post(member, "/v1/devices", Map.of("name", "Tablet", "platform", "ios")),
                        cutApi.get(member, "/v1/devices/" + device),
                        cutApi.get(member, "/v1/sync"));

                assertThat(outage).allSatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(503);
                    assertThat(reply.headers().get("Retry-After")).isEqualTo("10");
                    assertThat(reply.contentType()).isEqualTo("application/problem+json");
                });
                Reply health = new Api(cutManagement).send(HttpRequest.GET("/health"));
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body()).containsEntry("status", "DOWN");
            }

            Reply stored = workingApi.post(member, path, checkin);
            Reply retried = workingApi.post(member, path, checkin);

            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.body()).containsEntry("replayed", false);
            assertThat(retried.body()).containsEntry("replayed", true);
            assertThat(rawCheckins(device)).isEqualTo(1);
        }
    }

    @Test
    void aRequestAfterTheSessionWasClosedIsA503NotA500AndItsWarningCarriesTheTraceId() {
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        Logger handlers = (Logger) LoggerFactory.getLogger(StoreUnavailableHandler.class);
        warnings.start();
        handlers.addAppender(warnings);
        try (EmbeddedServer server = start(TestCassandraProperties.of(keyspace));
             HttpClient client = HttpClient.create(server.getURL())) {
            Api api = new Api(client);
            String member = "member-" + UUID.randomUUID();
            String device = api.post(member, "/v1/devices", Map.of("name", "Phone", "platform", "ios")).text("id");
            server.getApplicationContext().getBean(CassandraConnection.class).session().close();

            Reply reply = api.send(Api.as(member, HttpRequest.POST("/v1/devices/" + device + "/checkins", Checkins.body(UUID.randomUUID(), 1))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.headers().get("Retry-After")).isEqualTo("10");
            assertThat(warnings.list).anySatisfy(warning ->
                    assertThat(warning.getMDCPropertyMap()).containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"));
        } finally {
            handlers.detachAppender(warnings);
        }
    }

    private static EmbeddedServer start(Map<String, String> cassandra) {
        Map<String, Object> properties = new HashMap<>(cassandra);
        properties.put("atoll.app.cassandra.retry-after", "10s");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private Map<String, String> nothingListening() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> properties = new HashMap<>(TestCassandraProperties.of(keyspace));
        properties.put("atoll.app.cassandra.contact-points", "127.0.0.1:" + port);
        return properties;
    }

    private long rawCheckins(String device) {
        try (CqlSession cql = keyspace.session()) {
            long count = 0;
            for (int daysAgo = 0; daysAgo <= 1; daysAgo++) {
                count += cql.execute("SELECT count(*) FROM checkins WHERE device_id = ? AND day = ?", UUID.fromString(device),
                        LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo)).one().getLong(0);
            }
            return count;
        }
    }
}
