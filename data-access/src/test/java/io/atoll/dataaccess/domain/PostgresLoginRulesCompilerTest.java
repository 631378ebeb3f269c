package io.atoll.dataaccess.domain;

import io.atoll.dataaccess.RepositoryScopes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresLoginRulesCompilerTest {
    @Test
    void theRepositorysAnalyticsTeamIsRefusedOnThePrimaryAndNoOtherTeamIs() {
        assertThat(PostgresLoginRulesCompiler.primaryRules(RepositoryScopes.load()))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly("host all +analytics all reject");
    }

    @Test
    void noTeamKeptToTheReplicasMeansNoRefusal() {
        Scopes scopes = new Scopes(RepositoryScopes.load().teams().stream().filter(team -> team.sessions() == Sessions.ANY).toList());

        assertThat(PostgresLoginRulesCompiler.primaryRules(scopes)).allMatch(line -> line.startsWith("#"));
    }
}
