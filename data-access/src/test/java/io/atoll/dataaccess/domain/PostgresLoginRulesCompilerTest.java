package io.atoll.dataaccess.domain;

import io.atoll.dataaccess.RepositoryScopes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresLoginRulesCompilerTest {
    @Test
    void theRepositorysAnalyticsTeamIsRefusedOnThePrimaryBeforeAnyPasswordIsAsked() {
        assertThat(PostgresLoginRulesCompiler.primaryRules(RepositoryScopes.load()))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly("host all +analytics all reject", "host all +analytics all scram-sha-256",
                        "host all +logistics all scram-sha-256", "host all +sales all scram-sha-256");
    }

    @Test
    void onAReplicaEveryTeamsPeopleLogInWithTheirPassword() {
        assertThat(PostgresLoginRulesCompiler.replicaRules(RepositoryScopes.load()))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly("host all +analytics all scram-sha-256", "host all +logistics all scram-sha-256",
                        "host all +sales all scram-sha-256");
    }

    @Test
    void noTeamKeptToTheReplicasMeansNoRefusal() {
        Scopes scopes = new Scopes(RepositoryScopes.load().teams().stream().filter(team -> team.sessions() == Sessions.ANY).toList());

        assertThat(PostgresLoginRulesCompiler.primaryRules(scopes)).noneMatch(line -> line.endsWith("reject"));
    }
}
