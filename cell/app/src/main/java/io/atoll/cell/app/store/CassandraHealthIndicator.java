package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** UP when the app is connected and a node of the local datacenter answers a query. */
@Singleton
@Readiness
final class CassandraHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private static final SimpleStatement PROBE = SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setIdempotent(true);

    private final CassandraConnection cassandra;

    CassandraHealthIndicator(CassandraConnection cassandra) {
        this.cassandra = requireNonNull(cassandra, "cassandra is null");
    }

    @Override
    protected String getName() {
        return "cassandra";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("datacenter", cassandra.datacenter());
        details.put("keyspace", cassandra.keyspace());
        try {
            Optional<Row> local = Optional.ofNullable(cassandra.execute(PROBE).one());
            local.ifPresent(row -> details.put("version", row.getString("release_version")));
            healthStatus = HealthStatus.UP;
        } catch (StoreUnavailableException unavailable) {
            details.put("error", unavailable.getMessage());
            healthStatus = HealthStatus.DOWN;
        }
        return details;
    }
}
