package io.atoll.cell.workers.cleanup.support;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.atoll.cell.workers.cleanup.ArchivedCheckin;
import io.atoll.cell.workers.cleanup.ArchivedEvent;
import io.atoll.cell.workers.store.CassandraHotCheckins;
import io.atoll.cell.workers.store.CassandraSettings;
import io.atoll.testing.CassandraKeyspace;
import io.atoll.testing.TestCassandra;
import io.atoll.testing.TestServers;
import org.cognitor.cassandra.migration.Database;
import org.cognitor.cassandra.migration.MigrationConfiguration;
import org.cognitor.cassandra.migration.MigrationRepository;
import org.cognitor.cassandra.migration.MigrationTask;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A keyspace of the build's Cassandra with the app's schema, migrated as the app migrates it (its {@code cql/}
 * scripts, on the test class path from cell/app, through cassandra-migration), and check-ins written to it as
 * the app writes them. Closing it drops it.
 */
public final class AppKeyspace implements AutoCloseable {
    private static final int WRITES_IN_FLIGHT = 64;

    private final CassandraKeyspace keyspace;
    private final CqlSession session;
    private final PreparedStatement insert;
    private final UserDefinedType eventType;

    private AppKeyspace(CassandraKeyspace keyspace) {
        this.keyspace = keyspace;
        this.session = keyspace.session();
        this.insert = session.prepare("INSERT INTO checkins (" + CassandraHotCheckins.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.eventType = (UserDefinedType) ((ListType) insert.getVariableDefinitions().get("events").getType()).getElementType();
    }

    public static AppKeyspace create(String prefix) {
        TestCassandra cassandra = TestServers.cassandra();
        CassandraKeyspace keyspace = cassandra.createKeyspace(prefix);
        try (CqlSession admin = cassandra.session()) {
            new MigrationTask(new Database(admin, new MigrationConfiguration().withKeyspaceName(keyspace.name())), new MigrationRepository("cql"), true)
                    .migrate();
        }
        return new AppKeyspace(keyspace);
    }

    /**
     * Empties the check-ins and the archive's own tables, so that one keyspace serves many tests: making one (the
     * app's migrations) takes far longer than emptying it.
     */
    public void clear() {
        KeyspaceMetadata tables = session.getMetadata().getKeyspace(keyspace.name()).orElseThrow();
        for (String table : List.of("checkins", "checkin_archive_days", "checkin_archive_leases")) {
            if (tables.getTable(table).isPresent()) {
                session.execute("TRUNCATE " + table);
            }
        }
    }

    /** The cleanup's settings for this keyspace. */
    public CassandraSettings settings() {
        return new CassandraSettings(List.of(keyspace.host() + ":" + keyspace.port()), keyspace.datacenter(), keyspace.name(),
                Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public String name() {
        return keyspace.name();
    }

    /** Writes the check-ins as the app does (values it does not have left unset), several at a time. */
    public void insert(Collection<ArchivedCheckin> checkins) {
        ArrayDeque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
        for (ArchivedCheckin checkin : checkins) {
            if (inFlight.size() == WRITES_IN_FLIGHT) {
                inFlight.poll().join();
            }
            inFlight.add(session.executeAsync(bound(checkin)).toCompletableFuture());
        }
        inFlight.forEach(CompletableFuture::join);
    }

    /** Every check-in in the app's table. */
    public List<ArchivedCheckin> checkins() {
        List<ArchivedCheckin> checkins = new ArrayList<>();
        for (Row row : session.execute("SELECT " + CassandraHotCheckins.COLUMNS + " FROM checkins")) {
            checkins.add(CassandraHotCheckins.checkinOf(row));
        }
        return checkins;
    }

    private BoundStatement bound(ArchivedCheckin checkin) {
        List<UdtValue> events = checkin.events().stream().map(this::event).toList();
        Object[] values = {checkin.deviceId(), checkin.day(), checkin.receivedAt(), checkin.checkinId(), checkin.memberId(), checkin.clientTime(),
                checkin.appVersion(), checkin.os(), checkin.batteryPercent(), checkin.networkType(), events};
        BoundStatement bound = insert.bind(values).setIdempotent(true);
        for (int index = 0; index < values.length; index++) {
            if (values[index] == null) {
                bound = bound.unset(index);
            }
        }
        return bound;
    }

    private UdtValue event(ArchivedEvent event) {
        return eventType.newValue()
                .setString("type", event.type())
                .setInstant("occurred_at", event.occurredAt())
                .setMap("attributes", event.attributes(), String.class, String.class);
    }

    @Override
    public void close() {
        session.close();
        keyspace.close();
    }
}
