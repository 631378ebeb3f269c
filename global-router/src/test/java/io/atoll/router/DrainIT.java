package io.atoll.router;

import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators drain and undrain cells through the admin API; the admin page and metrics show the cells. */
@MicronautTest(environments = "dev")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrainIT implements TestPropertyProvider {
    private static final String DEVELOPMENT_TOKEN = "local-operator-" + UUID.randomUUID();

    private final StandInCell eu = new StandInCell("eu-west-1");
    private final StandInCell us = new StandInCell("us-east-1");
    private final StandInCell ap = new StandInCell("ap-southeast-2");
    private final TestTokens euKeys = new TestTokens("eu-west-1");
    private final TestTokens usKeys = new TestTokens("us-east-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder()
            .write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us)));
    @Inject
    DataPlaneServer dataPlane;
    @Inject
    EmbeddedServer adminServer;
    private RouterClient client;
    private RouterClient admin;

    @Override
    public Map<String, String> getProperties() {
        eu.jwks(euKeys.jwks());
        us.jwks(usKeys.jwks());
        Map<String, String> properties = new HashMap<>(RouterTestProperties.of(database, registry.file()));
        properties.put("atoll.router.operator-jwks-urls", eu.url() + "/.well-known/jwks.json," + us.url() + "/.well-known/jwks.json");
        properties.put("atoll.router.development-operator-token", DEVELOPMENT_TOKEN);
        return properties;
    }

    @BeforeAll
    void openClients() {
        client = new RouterClient(dataPlane.port());
        admin = new RouterClient(adminServer.getPort());
    }

    @AfterAll
    void stopCells() {
        eu.close();
        us.close();
        ap.close();
        database.close();
    }

    @Test
    void adminApiTakesOnlyOperatorTokens() {
        assertThat(admin.get("/admin/cells").statusCode()).isEqualTo(401);
        assertThat(admin.get("/admin/cells", "Authorization", "Bearer " + euKeys.member("eu-west-1")).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/cells", "Authorization", "Bearer " + new TestTokens("eu-west-1").operator()).statusCode()).isEqualTo(401);
        assertThat(admin.get("/admin/cells", "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(401);

        assertThat(admin.get("/admin/cells", "Authorization", "Bearer " + euKeys.operator()).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/cells", "Authorization", "Bearer " + usKeys.operator()).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/cells", "Authorization", "Bearer " + DEVELOPMENT_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void drainMovesAllTrafficOffTheCellWithinFiveSecondsAndUndrainBringsItsMembersBack() {
        String euMember = "Bearer " + euKeys.member("eu-west-1");
        assertThat(client.get("/v1/feed", "Authorization", euMember).body()).isEqualTo("eu-west-1");

        long drainedAt = System.nanoTime();
        HttpResponse<String> drained = operator("POST", "/admin/cells/eu-west-1/drain");
        try {
            assertThat(drained.statusCode()).isEqualTo(200);
            assertThat(drained.body()).contains("\"drainedBy\":[\"operator\"]").contains("\"routable\":false");
            await().atMost(Duration.ofSeconds(5)).until(() -> "drained".equals(RouterClient.reason(client.get("/v1/feed", "Authorization", euMember))));
            System.out.printf("Drain: members of eu-west-1 served elsewhere %d ms after the drain call%n", (System.nanoTime() - drainedAt) / 1_000_000);

            long reachedBefore = eu.received().size();
            for (int request = 0; request < 20; request++) {
                HttpResponse<String> member = client.get("/v1/feed", "Authorization", euMember);
                HttpResponse<String> newcomer = client.post("/v1/accounts", "{}", "X-Atoll-Account", "new-" + request + "@example.org",
                        "X-Client-Region", "eu-west-1");
                assertThat(RouterClient.cell(member)).isEqualTo("us-east-1");
                assertThat(RouterClient.reason(member)).isEqualTo("drained");
                assertThat(RouterClient.cell(newcomer)).isEqualTo("us-east-1");
            }
            assertThat(eu.received()).hasSize((int) reachedBefore);
            assertThat(operator("GET", "/admin/cells").body()).contains("\"id\":\"eu-west-1\"").contains("\"drainedBy\":[\"operator\"]");
        } finally {
            assertThat(operator("POST", "/admin/cells/eu-west-1/undrain").statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> "home".equals(RouterClient.reason(client.get("/v1/feed", "Authorization", euMember))));
        assertThat(client.get("/v1/feed", "Authorization", euMember).body()).isEqualTo("eu-west-1");
    }

    @Test
    void drainSurvivesARegistryReload() {
        String usMember = "Bearer " + usKeys.member("us-east-1");
        operator("POST", "/admin/cells/us-east-1/drain");
        try {
            registry.write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us), RegistryFileWriter.entry(ap)));
            await().atMost(Duration.ofSeconds(5)).until(() -> operator("GET", "/admin/cells").body().contains("ap-southeast-2"));

            assertThat(operator("GET", "/admin/cells").body()).contains("{\"id\":\"us-east-1\"").contains("\"drainedBy\":[\"operator\"]");
            HttpResponse<String> member = client.get("/v1/feed", "Authorization", usMember);
            assertThat(RouterClient.cell(member)).isNotEqualTo("us-east-1");
            assertThat(RouterClient.reason(member)).isEqualTo("drained");
        } finally {
            operator("POST", "/admin/cells/us-east-1/undrain");
            registry.write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !operator("GET", "/admin/cells").body().contains("ap-southeast-2"));
    }

    @Test
    void cellDrainingInTheRegistryIsNotUndrainedByTheApi() {
        registry.write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us, "draining")));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> operator("GET", "/admin/cells").body().contains("\"drainedBy\":[\"registry\"]"));

            HttpResponse<String> refused = operator("POST", "/admin/cells/us-east-1/undrain");

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).contains("draining in the registry file");
        } finally {
            registry.write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !operator("GET", "/admin/cells").body().contains("\"drainedBy\":[\"registry\"]"));
    }

    @Test
    void unknownCellIsAProblem() {
        HttpResponse<String> response = operator("POST", "/admin/cells/mars-1/drain");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("the registry has no cell mars-1");
    }

    @Test
    void adminPageHealthAndMetricsAreServed() {
        client.get("/v1/feed", "Authorization", "Bearer " + euKeys.member("eu-west-1"));

        HttpResponse<String> page = admin.get("/");
        HttpResponse<String> health = admin.get("/health");
        HttpResponse<String> metrics = admin.get("/prometheus");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("fetch(path").contains("'/admin/cells'").contains("setInterval(refresh, 1000)");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(metrics.body())
                .contains("atoll_router_requests_total{cell=\"eu-west-1\",status=\"2xx\"}")
                .contains("atoll_router_errors_total{cell=\"eu-west-1\",kind=\"connect\"}")
                .contains("atoll_router_request_duration_seconds_count{cell=\"eu-west-1\"}")
                .contains("atoll_router_cell_routable{cell=\"eu-west-1\"} 1.0")
                .contains("atoll_router_cell_drained{cell=\"us-east-1\"} 0.0");
    }

    private HttpResponse<String> operator(String method, String path) {
        String[] headers = {"Authorization", "Bearer " + euKeys.operator()};
        return method.equals("GET") ? admin.get(path, headers) : admin.post(path, "", headers);
    }
}
