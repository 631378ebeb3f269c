package io.atoll.devstack.platform;

import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.postgres.PostgresReplica;
import io.atoll.devstack.server.postgres.PostgresServer;

import static java.util.Objects.requireNonNull;

/**
 * Where the cells' core databases run: a PostgreSQL primary of Atoll's own with a streaming read replica, since the
 * teams' login rules differ between the two and the machine's own server is not Atoll's to configure. Every other
 * database stays on the shared server.
 *
 * @param primary where the primary listens; storage reads and writes there
 * @param replica where its replica listens, read-only; where the teams kept to replicas log in
 * @param teamScopes the teams' login rules of the primary and the scopes applied to each core database
 */
public record CoreDatabases(Endpoint primary, Endpoint replica, TeamScopes teamScopes) {
    public static final String PRIMARY_NAME = "postgres-primary";
    public static final String REPLICA_NAME = "postgres-replica";
    public static final int DEFAULT_PRIMARY_PORT = 5442;
    public static final int DEFAULT_REPLICA_PORT = 5443;
    /** The defaults of `./atoll up`, without the data-access layer. */
    public static final CoreDatabases LOCAL = new CoreDatabases(Endpoint.loopback(DEFAULT_PRIMARY_PORT), Endpoint.loopback(DEFAULT_REPLICA_PORT),
            TeamScopes.NONE);

    public CoreDatabases {
        requireNonNull(primary, "primary is null");
        requireNonNull(replica, "replica is null");
        requireNonNull(teamScopes, "teamScopes is null");
        if (primary.equals(replica)) {
            throw new IllegalArgumentException("the core primary and its replica need two addresses, not " + primary + " for both");
        }
    }

    public PostgresServer primaryServer() {
        return new PostgresServer(PRIMARY_NAME, primary, "postgres", "--postgres-primary-port / ATOLL_POSTGRES_PRIMARY_PORT",
                teamScopes::primaryLoginRules);
    }

    public PostgresReplica replicaServer() {
        return new PostgresReplica(REPLICA_NAME, replica, primaryServer(), "--postgres-replica-port / ATOLL_POSTGRES_REPLICA_PORT",
                teamScopes::replicaLoginRules);
    }
}
