package io.atoll.devstack.platform;

import java.io.IOException;
import java.util.List;

/**
 * What the data-access layer's scope files ask of the cells' core databases. The platform asks, the data-access module
 * answers (the CLI brings the two together), so that nothing here knows the teams.
 */
public interface TeamScopes {
    /** No team is refused anywhere and no scope is applied: the platform without the data-access layer. */
    TeamScopes NONE = new TeamScopes() {
        @Override
        public List<String> primaryLoginRules() {
            return List.of();
        }

        @Override
        public List<String> replicaLoginRules() {
            return List.of();
        }

        @Override
        public void apply(String jdbcUrl, String user, String password, String cellId) {
        }

        /** Nothing for anyone but the platform's own login. */
        @Override
        public String trinoRules(List<String> catalogs) {
            return "{}";
        }
    };

    /**
     * The {@code pg_hba.conf} lines a primary starts with: refusing the teams whose people use only the replicas, and
     * asking the other teams' people for their passwords.
     */
    List<String> primaryLoginRules();

    /** The {@code pg_hba.conf} lines a replica starts with: every team's people log in with their passwords. */
    List<String> replicaLoginRules();

    /**
     * Makes the teams' roles, schemas, views and grants in a cell's core database, once storage has migrated it.
     *
     * @param user the schema owner storage migrates as
     */
    void apply(String jdbcUrl, String user, String password, String cellId) throws IOException;

    /** Trino's file-based access rules for the teams, over these catalogs (one per cell's core database). */
    String trinoRules(List<String> catalogs);
}
