package io.atoll.cell.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the cell's Cassandra is and how the app talks to it.
 *
 * @param contactPoints {@code host:port} of the nodes to connect through first
 * @param localDatacenter the datacenter of this cell's region; requests go to its nodes at LOCAL_QUORUM
 * @param keyspace the cell's keyspace; {@code app_<cell id>} when unset
 * @param replication {@code datacenter:factor} for each datacenter the keyspace is replicated to, used when
 *     the keyspace is created; one replica in the local datacenter when empty
 * @param requestTimeout how long one request may take before the app gives up on it
 * @param connectTimeout how long opening a connection to a node may take
 * @param reconnectInterval how long to wait before trying again when Cassandra could not be reached at start
 * @param retryAfter what the app tells clients to wait (Retry-After) while Cassandra is unavailable
 */
@ConfigurationProperties("atoll.app.cassandra")
public record CassandraSettings(
        @NotEmpty List<@Pattern(regexp = "[^:\\s]+:\\d{1,5}") String> contactPoints,
        @NotBlank String localDatacenter,
        @Nullable @Pattern(regexp = "[a-z][a-z0-9_]{0,47}") String keyspace,
        @Nullable List<@Pattern(regexp = "[^:\\s]+:[1-9]\\d?") String> replication,
        @NotNull Duration requestTimeout,
        @NotNull Duration connectTimeout,
        @NotNull Duration reconnectInterval,
        @NotNull Duration retryAfter) {

    public List<InetSocketAddress> contactPointAddresses() {
        return contactPoints.stream()
                .map(point -> {
                    int colon = point.lastIndexOf(':');
                    return InetSocketAddress.createUnresolved(point.substring(0, colon), Integer.parseInt(point.substring(colon + 1)));
                })
                .toList();
    }

    public String keyspaceOf(CellSettings cell) {
        return keyspace != null ? keyspace : "app_" + cell.id().replace('-', '_');
    }

    public Map<String, Integer> replicationFactors() {
        Map<String, Integer> factors = new LinkedHashMap<>();
        if (replication == null || replication.isEmpty()) {
            factors.put(localDatacenter, 1);
            return factors;
        }
        for (String entry : replication) {
            int colon = entry.lastIndexOf(':');
            factors.put(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)));
        }
        return factors;
    }
}
