package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import org.cognitor.cassandra.migration.Database;
import org.cognitor.cassandra.migration.MigrationConfiguration;
import org.cognitor.cassandra.migration.MigrationRepository;
import org.cognitor.cassandra.migration.MigrationTask;
import org.cognitor.cassandra.migration.keyspace.Keyspace;
import org.cognitor.cassandra.migration.keyspace.NetworkStrategy;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Creates the cell's keyspace and brings its tables to the latest version of the CQL scripts in
 * {@code cql/} (named {@code <version>_<what>.cql}), through cassandra-migration, which records applied
 * versions in the keyspace's {@code schema_migration} table and lets one instance at a time migrate.
 */
final class CassandraSchema {
    static final String SCRIPTS = "cql";

    private final String keyspace;
    private final Map<String, Integer> replication;

    CassandraSchema(String keyspace, Map<String, Integer> replication) {
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.replication = Map.copyOf(replication);
    }

    /** Migrates through the given session, which must not be bound to a keyspace; closes it. */
    void migrate(CqlSession adminSession) {
        NetworkStrategy strategy = new NetworkStrategy();
        replication.forEach(strategy::with);
        MigrationConfiguration configuration = new MigrationConfiguration().withKeyspace(new Keyspace(keyspace).with(strategy));
        // LOCAL_QUORUM keeps a restart possible while a peer region's datacenter is down.
        Database database = new Database(adminSession, configuration).setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
        new MigrationTask(database, new MigrationRepository(SCRIPTS), true).migrate();
    }
}
