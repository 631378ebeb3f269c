package io.atoll.dataaccess.store;

import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.RepositoryScopes;
import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.TeamScope;
import io.atoll.dataaccess.domain.audit.AuditRun;
import io.atoll.dataaccess.domain.audit.DriftAudit;
import io.atoll.dataaccess.domain.audit.DriftFinding;
import io.atoll.dataaccess.domain.audit.DriftMode;
import io.atoll.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift audit on a real cell database (storage's migrations, then the teams' scopes): each kind of change made by
 * hand is found, and reverted by applying the definition again, or only reported when so configured.
 */
class DriftAuditIT {
    private static final String PERSON = "da_" + UUID.randomUUID().toString().substring(0, 8) + "_sales";

    private static PostgresDatabase database;
    private static PostgresAuditedDatabase audited;

    @BeforeAll
    static void createCellDatabase() throws SQLException {
        database = CoreDatabaseFixture.create("data_access_drift");
        Scopes scopes = RepositoryScopes.load();
        audited = new PostgresAuditedDatabase(CoreDatabaseFixture.CELL, database.jdbcUrl(), database.username(), database.password(),
                PostgresScopeCompiler.compile(scopes), scopes.teams().stream().map(TeamScope::team).toList(), Duration.ofSeconds(10));
        asOwner("CREATE ROLE " + PERSON + " LOGIN IN ROLE sales");
    }

    @AfterAll
    static void dropCellDatabase() throws SQLException {
        if (database != null) {
            database.close();
            CoreDatabaseFixture.dropRoles(database, PERSON);
        }
    }

    /** Whatever a test left behind is taken away, so that each starts from the definition. */
    @AfterEach
    void applyTheDefinitionAgain() {
        new DriftAudit(audited, DriftMode.CORRECT, Clock.systemUTC()).run();
    }

    @Test
    void aDatabaseHoldingWhatTheDefinitionMakesHasNoFinding() {
        AuditRun run = new DriftAudit(audited, DriftMode.CORRECT, Clock.systemUTC()).run();

        assertThat(run.findings()).isEmpty();
        assertThat(run.corrected()).isFalse();
        assertThat(audited.live()).isEqualTo(audited.expected());
    }

    static Stream<Arguments> changesByHand() {
        return Stream.of(
                Arguments.of("a grant on another team's view", "GRANT SELECT ON sales.items TO analytics",
                        "privilege analytics SELECT on view sales.items: expected nothing, found 'granted'"),
                Arguments.of("a grant on a base table", "GRANT SELECT ON public.members TO analytics",
                        "privilege analytics SELECT on table public.members: expected nothing, found 'granted'"),
                Arguments.of("a column grant on a base table", "GRANT SELECT (email) ON public.members TO logistics",
                        "privilege logistics SELECT on column public.members.email: expected nothing, found 'granted'"),
                Arguments.of("a grant to a person's login", "GRANT DELETE ON public.items TO " + PERSON,
                        "privilege " + PERSON + " DELETE on table public.items: expected nothing, found 'granted'"),
                Arguments.of("a grant on the database", "GRANT CREATE ON DATABASE " + database.name() + " TO sales",
                        "privilege sales CREATE on database " + database.name() + ": expected nothing, found 'granted'"),
                Arguments.of("a dropped policy", "DROP POLICY data_access_logistics_rows ON public.orders",
                        "policy public.orders data_access_logistics_rows: expected 'RESTRICTIVE FOR ALL TO logistics"),
                Arguments.of("row security no longer forced", "ALTER TABLE public.orders NO FORCE ROW LEVEL SECURITY",
                        "row-security public.orders: expected 'enabled, forced', found 'enabled'"),
                Arguments.of("a disabled trigger", "ALTER TABLE public.items DISABLE TRIGGER data_access_never_deleted",
                        "trigger public.items data_access_never_deleted: expected 'enabled: CREATE TRIGGER"),
                Arguments.of("a view run with its owner's rights", "ALTER VIEW analytics.members SET (security_invoker = false)",
                        "relation analytics.members: expected 'view with (security_invoker=true)"),
                Arguments.of("a team role given LOGIN", "ALTER ROLE sales LOGIN",
                        "role team sales: expected 'no attributes', found 'LOGIN'"),
                Arguments.of("a team role given BYPASSRLS", "ALTER ROLE logistics BYPASSRLS",
                        "role team logistics: expected 'no attributes', found 'BYPASSRLS'"),
                Arguments.of("a person's login given BYPASSRLS", "ALTER ROLE " + PERSON + " BYPASSRLS",
                        "role login " + PERSON + ": expected nothing, found 'BYPASSRLS'"),
                Arguments.of("a team role given another role's rights", "GRANT pg_read_all_data TO analytics",
                        "membership analytics in pg_read_all_data: expected nothing, found 'member'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesByHand")
    void aChangeByHandIsFoundAndReverted(String change, String sql, String finding) throws SQLException {
        asOwner(sql);

        AuditRun run = new DriftAudit(audited, DriftMode.CORRECT, Clock.systemUTC()).run();

        assertThat(run.findings()).extracting(DriftFinding::line).singleElement().asString().startsWith(finding);
        assertThat(run.corrected()).isTrue();
        assertThat(run.left()).isEmpty();
        assertThat(new DriftAudit(audited, DriftMode.REPORT, Clock.systemUTC()).run().findings()).as("a later audit").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesByHand")
    void aChangeByHandIsOnlyReportedWhenSoConfigured(String change, String sql, String finding) throws SQLException {
        asOwner(sql);
        DriftAudit audit = new DriftAudit(audited, DriftMode.REPORT, Clock.systemUTC());

        AuditRun run = audit.run();

        assertThat(run.findings()).extracting(DriftFinding::line).singleElement().asString().startsWith(finding);
        assertThat(run.corrected()).isFalse();
        assertThat(run.left()).isEqualTo(run.findings());
        assertThat(audit.run().findings()).as("the same audit, again: the change is still there").isEqualTo(run.findings());
    }

    private static void asOwner(String sql) throws SQLException {
        CoreDatabaseFixture.asOwner(database, sql);
    }
}
