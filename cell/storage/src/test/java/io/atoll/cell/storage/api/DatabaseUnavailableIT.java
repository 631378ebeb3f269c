package io.atoll.cell.storage.api;

import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.Orders;
import io.atoll.cell.storage.support.Reply;
import io.atoll.cell.storage.support.StorageUnderTest;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** While the database turns the service away, callers get 503 with Retry-After, and service resumes after. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseUnavailableIT {
    private final StorageUnderTest storage = StorageUnderTest.create("storage_outage");
    private final EmbeddedServer server = storage.start(Map.of("datasources.default.connection-timeout", 1000,
            "atoll.storage.database.retry-after", "7s"));
    private final Api api = storage.api(server);

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    @Test
    void requestsAre503WithRetryAfterWhileTheDatabaseCannotBeReached() {
        String member = UUID.randomUUID().toString();
        assertThat(api.get("/storage/v1/members/" + member).status()).isEqualTo(200);
        String database = storage.database().name();

        storage.execute("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
        storage.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                + "' AND usename = 'storage_service'");
        try {
            List<Reply> outage = List.of(api.get("/storage/v1/items"), api.get("/storage/v1/members/" + member),
                    api.placeOrder(member, "k", Orders.body("FR", "GAS-230G", 1)));

            assertThat(outage).allSatisfy(reply -> {
                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.header("Retry-After")).isEqualTo("7");
                assertThat(reply.contentType()).isEqualTo("application/problem+json");
                assertThat(reply.text("detail")).doesNotContain("PSQL", "jdbc", "storage_service");
            });
        } finally {
            storage.execute("GRANT CONNECT ON DATABASE " + database + " TO PUBLIC");
        }
        // As a client told Retry-After would: the pool replaces its broken connections as requests come, not all at once.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.placeOrder(member, "k", Orders.body("FR", "GAS-230G", 1)).status(), status -> status != 503);
        assertThat(api.placeOrder(member, "k", Orders.body("FR", "GAS-230G", 1)).status()).as("the same order again, now placed")
                .isIn(200, 201);
    }
}
