package io.atoll.cell.storage.metrics;

import io.atoll.cell.storage.support.StorageUnderTest;
import io.atoll.testing.ReplicatedDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Storage on a database with a streaming replica, as the cells' core databases run: its metrics say how far behind the replica is. */
class ReplicaLagMetricsIT {
    private static final Pattern LAG = Pattern.compile("^atoll_storage_replica_lag_(bytes|seconds)\\{[^}]*replica=\"postgres-replica\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);

    @Test
    void theManagementPortExportsTheLagOfEachReplicaInBytesAndSeconds() {
        try (StorageUnderTest storage = StorageUnderTest.create("replica_lag");
             ReplicatedDatabase database = TestServers.corePostgres().createDatabase("replica_lag");
             EmbeddedServer server = storage.start(Map.of("atoll.storage.database.url", database.jdbcUrl(),
                     "atoll.storage.database.migration-username", database.username(),
                     "atoll.storage.database.migration-password", database.password()))) {
            URI metrics = StorageUnderTest.management(server).resolve("/prometheus");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Matcher lag = LAG.matcher(scrape(metrics));
                int series = 0;
                while (lag.find()) {
                    series++;
                    assertThat(Double.parseDouble(lag.group(2))).as(lag.group()).isGreaterThanOrEqualTo(0);
                }
                assertThat(series).as("the replica's lag in bytes and in seconds").isEqualTo(2);
            });
        }
    }

    private static String scrape(URI metrics) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
