package io.atoll.dataaccess.domain;

import io.atoll.dataaccess.RepositoryScopes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guides in {@code data-access/guides} are the ones the scope files make: a change to a scope that left its guide
 * behind fails here. {@code -Datoll.guides.write=true} writes them anew.
 */
class TeamGuidesTest {
    /** Where `./atoll up` puts them (devstack's defaults). */
    private static final TeamGuide.Addresses LOCAL = new TeamGuide.Addresses("127.0.0.1:5442", "127.0.0.1:5443", "127.0.0.1:8443",
            List.of("eu-west-1", "us-east-1"));
    private static final Path GUIDES = RepositoryScopes.directory().resolveSibling("guides");

    @Test
    void everyTeamsGuideIsTheOneItsScopeMakes() throws IOException {
        boolean write = Boolean.getBoolean("atoll.guides.write");
        for (TeamScope team : RepositoryScopes.load().teams()) {
            Path guide = GUIDES.resolve(team.team() + ".md");
            String rendered = TeamGuide.render(team, LOCAL);
            if (write) {
                Files.createDirectories(GUIDES);
                Files.writeString(guide, rendered);
            }
            assertThat(guide).as("the guide of " + team.team() + " (write it anew with -Datoll.guides.write=true)").exists();
            assertThat(Files.readString(guide)).as(guide + " is behind its scope: write it anew with -Datoll.guides.write=true")
                    .isEqualTo(rendered);
        }
    }

    @Test
    void aGuideNamesEveryRelationAndColumnOfItsScopeAndOnlyThePlacesItsPeopleMayLogIn() {
        for (TeamScope team : RepositoryScopes.load().teams()) {
            String guide = TeamGuide.render(team, LOCAL);
            team.relations().forEach((relation, columns) -> {
                assertThat(guide).contains("`" + team.team() + "." + relation + "`");
                columns.forEach(column -> assertThat(guide).contains("`" + column + "`"));
            });
            if (team.sessions() == Sessions.REPLICA_ONLY) {
                assertThat(guide).contains("port=5443").doesNotContain("port=5442").doesNotContain("postgresql://127.0.0.1:5442");
            } else {
                assertThat(guide).contains("port=5442");
            }
        }
    }

    @Test
    void aTeamThatWritesNothingIsToldSoAndATeamThatWritesIsToldWhat() {
        TeamScope analytics = RepositoryScopes.load().teams().stream().filter(team -> team.team().equals("analytics")).findFirst().orElseThrow();
        TeamScope sales = RepositoryScopes.load().teams().stream().filter(team -> team.team().equals("sales")).findFirst().orElseThrow();
        assertThat(TeamGuide.render(analytics, LOCAL)).contains("Nothing: every insert, update and delete is refused.");
        assertThat(TeamGuide.render(sales, LOCAL))
                .contains("Insert into `sales.items`, giving `sku`, `name`, `weight_grams`, `price`, `currency`, `is_active`.")
                .contains("Update `is_active` of `sales.items`.")
                .contains("Never delete from `sales.items`");
    }
}
