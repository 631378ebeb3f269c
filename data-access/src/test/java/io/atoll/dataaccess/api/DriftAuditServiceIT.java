package io.atoll.dataaccess.api;

import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.DataAccessApplication;
import io.atoll.dataaccess.RepositoryScopes;
import io.atoll.dataaccess.TeamPeopleFixture;
import io.atoll.testing.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The service as it runs: its schedule reverts a grant made by hand within the minute the issue allows, and an
 * operator audits on demand on the management port, never the public one; another schedule refreshes the aggregates.
 */
class DriftAuditServiceIT {
    private static PostgresDatabase database;

    @BeforeAll
    static void createCellDatabase() {
        database = CoreDatabaseFixture.create("data_access_drift_service");
    }

    @AfterAll
    static void dropCellDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theScheduledAuditRevertsAGrantMadeByHandWithinAMinute() throws Exception {
        try (Service service = Service.start("1s")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> service.lastOutcome().contains("\"outcome\":\"clean\""));

            CoreDatabaseFixture.asOwner(database, "GRANT SELECT ON public.members TO analytics");
            long granted = System.nanoTime();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !analyticsReadsMembers());
            assertThat(Duration.ofNanos(System.nanoTime() - granted)).isLessThan(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(service.management("/prometheus"))
                    .contains("atoll_data_access_drift_findings_total{cell=\"eu-west-1\",change=\"unexpected\",kind=\"privilege\"} 1.0")
                    .contains("atoll_data_access_audit_runs_total{cell=\"eu-west-1\",mode=\"correct\",outcome=\"corrected\"} 1.0")
                    .contains("atoll_data_access_audit_last_run_timestamp_seconds{cell=\"eu-west-1\"}")
                    .contains("atoll_data_access_drift_left{cell=\"eu-west-1\"} 0.0"));
        }
    }

    @Test
    void anOperatorAuditsOnDemandOnTheManagementPortOnly() throws Exception {
        try (Service service = Service.start("1h")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> service.lastOutcome().contains("\"outcome\":\"clean\""));
            CoreDatabaseFixture.asOwner(database, "GRANT SELECT ON public.members TO analytics");

            HttpResponse<String> answer = service.managementClient.exchange(HttpRequest.POST("/audit", ""), String.class);

            assertThat(answer.body())
                    .contains("\"outcome\":\"corrected\"")
                    .contains("privilege analytics SELECT on table public.members: expected nothing, found 'granted'")
                    .contains("\"left\":[]");
            assertThat(analyticsReadsMembers()).isFalse();
            assertThat(service.management("/health")).contains("drift-audit").contains("\"status\":\"UP\"");

            assertThatThrownBy(() -> service.managementClient.exchange(HttpRequest.POST("/audit/nowhere", ""), String.class))
                    .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
                        assertThat(refused.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
                        assertThat(refused.getResponse().getBody(String.class).orElseThrow())
                                .contains("no database of cell 'nowhere' is audited here; these are: eu-west-1");
                    });
            for (String path : new String[] {"/audit", "/audit/eu-west-1"}) {
                assertThatThrownBy(() -> service.publicClient.exchange(HttpRequest.POST(path, ""), String.class))
                        .as("the public port does not audit")
                        .isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                                assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
            }
        }
    }

    @Test
    void theScheduleRefreshesTheTeamsAggregates() throws Exception {
        TeamPeopleFixture people = TeamPeopleFixture.create(database);
        try {
            assertThat(dailyOrders()).as("the aggregate as the scopes' application made it, before the orders").isZero();
            try (Service service = Service.start("1h", Map.of("atoll.data-access.aggregates.refresh-interval", "1s"))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> dailyOrders() > 0);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(service.management("/prometheus"))
                        .containsPattern("atoll_data_access_aggregates_refreshes_total\\{cell=\"eu-west-1\",outcome=\"refreshed\"} [1-9]"));
            }
        } finally {
            people.drop();
        }
    }

    private static long dailyOrders() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM data_access.logistics__daily_orders")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static boolean analyticsReadsMembers() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet row = connection.createStatement().executeQuery("SELECT has_table_privilege('analytics', 'public.members', 'SELECT')")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** The service on free ports, auditing the test's database. */
    private static final class Service implements AutoCloseable {
        private final ApplicationContext context;
        private final HttpClient management;
        private final HttpClient open;
        final BlockingHttpClient managementClient;
        final BlockingHttpClient publicClient;

        private Service(ApplicationContext context, int managementPort) throws IOException {
            this.context = context;
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            management = HttpClient.create(new URL("http://127.0.0.1:" + managementPort));
            open = HttpClient.create(server.getURL());
            managementClient = management.toBlocking();
            publicClient = open.toBlocking();
        }

        static Service start(String interval) throws IOException {
            return start(interval, Map.of());
        }

        static Service start(String interval, Map<String, Object> more) throws IOException {
            int managementPort = freePort();
            Map<String, Object> properties = new HashMap<>(more);
            properties.put("micronaut.server.port", freePort());
            properties.put("endpoints.all.port", managementPort);
            properties.put("atoll.data-access.audit.interval", interval);
            properties.put("atoll.data-access.audit.scopes", RepositoryScopes.directory().toString());
            properties.put("atoll.data-access.cells.eu-west-1.url", database.jdbcUrl());
            properties.put("atoll.data-access.cells.eu-west-1.username", database.username());
            properties.put("atoll.data-access.cells.eu-west-1.password", database.password());
            return new Service(DataAccessApplication.configure(ApplicationContext.builder()).properties(properties).start(), managementPort);
        }

        String management(String path) {
            return managementClient.retrieve(path);
        }

        String lastOutcome() {
            return management("/audit");
        }

        @Override
        public void close() {
            management.close();
            open.close();
            context.close();
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
