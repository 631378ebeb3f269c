package io.atoll.cell.storage.api;

import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.Orders;
import io.atoll.cell.storage.support.Reply;
import io.atoll.cell.storage.support.ServiceTokens;
import io.atoll.cell.storage.support.StorageUnderTest;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the cell's services, with the right scope, reach the API; health and metrics only on the management port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {
    private final StorageUnderTest storage = StorageUnderTest.create("storage_security");
    private final EmbeddedServer server = storage.start();
    private final Api api = storage.api(server);

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    @Test
    void aCallWithoutATokenIs401ProblemJson() {
        Reply reply = api.as(null).get("/storage/v1/items");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body()).containsEntry("status", 401);
    }

    @Test
    void tokensThatAreForgedExpiredOrForAnotherAudienceAre401() {
        ServiceTokens tokens = storage.tokens();

        assertThat(api.as(ServiceTokens.foreignToken(Scopes.READ)).get("/storage/v1/items").status()).isEqualTo(401);
        assertThat(api.as(tokens.tokenFor("somebody-else", Scopes.READ)).get("/storage/v1/items").status()).isEqualTo(401);
        assertThat(api.as("not-a-jwt").get("/storage/v1/items").status()).isEqualTo(401);
    }

    @Test
    void aMembersTokenIs403ProblemJson() {
        Reply reply = api.as(storage.tokens().token("app")).get("/storage/v1/items");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void readingNeedsTheReadScopeAndWritingTheWriteScope() {
        String member = "member-" + UUID.randomUUID();
        Api reader = api.as(storage.tokens().token(Scopes.READ));
        Api writer = api.as(storage.tokens().token(Scopes.WRITE));

        assertThat(reader.get("/storage/v1/items").status()).isEqualTo(200);
        assertThat(reader.placeOrder(member, "k-1", Orders.body("IE", "GAS-230G", 1)).status()).isEqualTo(403);
        assertThat(writer.get("/storage/v1/items").status()).isEqualTo(403);
        assertThat(writer.placeOrder(member, "k-1", Orders.body("IE", "GAS-230G", 1)).status()).isEqualTo(201);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyAndTheApiIsNotThere() {
        Api management = new Api(StorageUnderTest.management(server), null);

        Reply health = management.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).containsEntry("status", "UP");
        assertThat(management.get("/prometheus").status()).isEqualTo(200);
        assertThat(api.get("/health").status()).isIn(403, 404);
        assertThat(api.as(null).get("/prometheus").status()).isIn(401, 404);
        assertThat(new Api(StorageUnderTest.management(server), storage.tokens().token(Scopes.READ)).get("/storage/v1/items").status())
                .isIn(403, 404);
    }

    @Test
    void aPathNoRouteServesIsRefused() {
        assertThat(api.get("/storage/v1/nothing-here").status()).isIn(403, 404);
        assertThat(api.as(null).get("/storage/v1/nothing-here").status()).isIn(401, 404);
    }
}
