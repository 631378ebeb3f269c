package io.atoll.cell.workers.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The cell's Cassandra, where the app keeps its check-ins: the same cluster and keyspace as the app's
 * {@code atoll.app.cassandra} settings.
 *
 * @param contactPoints {@code host:port} of the nodes to connect through first
 * @param localDatacenter the datacenter of this cell's region; requests go to its nodes at LOCAL_QUORUM
 * @param keyspace the app's keyspace; {@code app_<cell id>} when unset, as in the app
 * @param requestTimeout how long one request may take
 * @param connectTimeout how long opening a connection to a node may take
 */
@ConfigurationProperties("atoll.workers.cassandra")
public record CassandraSettings(
        @Bindable(defaultValue = "127.0.0.1:9042") @NotEmpty List<@Pattern(regexp = "[^:\\s]+:\\d{1,5}") String> contactPoints,
        @Bindable(defaultValue = "eu-west-1") @NotBlank String localDatacenter,
        @Nullable @Pattern(regexp = "[a-z][a-z0-9_]{0,47}") String keyspace,
        @Bindable(defaultValue = "10s") @NotNull Duration requestTimeout,
        @Bindable(defaultValue = "5s") @NotNull Duration connectTimeout) {

    public List<InetSocketAddress> contactPointAddresses() {
        return contactPoints.stream()
                .map(point -> {
                    int colon = point.lastIndexOf(':');
                    return InetSocketAddress.createUnresolved(point.substring(0, colon), Integer.parseInt(point.substring(colon + 1)));
                })
                .toList();
    }

    /** The keyspace of the given cell's app. */
    public String keyspaceOf(String cellId) {
        return keyspace != null ? keyspace : "app_" + cellId.replace('-', '_');
    }
}
