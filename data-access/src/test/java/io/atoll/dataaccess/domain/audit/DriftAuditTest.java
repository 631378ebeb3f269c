package io.atoll.dataaccess.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static io.atoll.dataaccess.domain.audit.DriftComparisonTest.state;
import static org.assertj.core.api.Assertions.assertThat;

class DriftAuditTest {
    private static final GovernedFact ROLE = new GovernedFact(FactKind.ROLE, "team sales", "no attributes");
    private static final GovernedFact GRANT = new GovernedFact(FactKind.PRIVILEGE, "sales SELECT on view sales.items", "granted");
    private static final GovernedFact BY_HAND = new GovernedFact(FactKind.PRIVILEGE, "analytics SELECT on table public.members", "granted");

    @Test
    void aDatabaseHoldingTheDefinitionIsLeftAlone() {
        Database database = new Database(state(ROLE, GRANT), state(ROLE, GRANT));

        AuditRun run = new DriftAudit(database, DriftMode.CORRECT, Clock.systemUTC()).run();

        assertThat(run.findings()).isEmpty();
        assertThat(run.corrected()).isFalse();
        assertThat(database.reapplied).isEmpty();
    }

    @Test
    void inCorrectModeTheDefinitionIsAppliedAgainAndTheDatabaseCheckedOnceMore() {
        Database database = new Database(state(ROLE, GRANT), state(ROLE, GRANT, BY_HAND));

        AuditRun run = new DriftAudit(database, DriftMode.CORRECT, Clock.systemUTC()).run();

        assertThat(run.findings()).extracting(DriftFinding::subject).containsExactly(BY_HAND.subject());
        assertThat(run.corrected()).isTrue();
        assertThat(run.left()).isEmpty();
        assertThat(database.reapplied).containsExactly("drift audit, {privilege=1}");
    }

    @Test
    void whatTheDefinitionCannotTakeAwayIsLeft() {
        Database database = new Database(state(ROLE, GRANT), state(ROLE, GRANT, BY_HAND));
        database.stubborn = true;

        AuditRun run = new DriftAudit(database, DriftMode.CORRECT, Clock.systemUTC()).run();

        assertThat(run.corrected()).isTrue();
        assertThat(run.left()).isEqualTo(run.findings());
        assertThat(run.clean()).isFalse();
    }

    @Test
    void inReportModeNothingIsChanged() {
        Database database = new Database(state(ROLE, GRANT), state(ROLE, GRANT, BY_HAND));
        DriftAudit audit = new DriftAudit(database, DriftMode.REPORT, Clock.systemUTC());

        AuditRun first = audit.run();
        AuditRun second = audit.run();

        assertThat(first.findings()).hasSize(1).isEqualTo(first.left()).isEqualTo(second.findings());
        assertThat(database.reapplied).isEmpty();
    }

    @Test
    void theExpectationIsWorkedOutOnceAndAgainOnlyWhenTheDatabaseSeemsToDiffer() {
        Database database = new Database(state(ROLE, GRANT), state(ROLE, GRANT));
        DriftAudit audit = new DriftAudit(database, DriftMode.CORRECT, Clock.systemUTC());

        audit.run();
        audit.run();
        assertThat(database.expectations).isEqualTo(1);

        database.held = state(ROLE, GRANT, BY_HAND);
        audit.run();
        assertThat(database.expectations).as("confirmed against a fresh expectation before acting").isEqualTo(2);
    }

    @Test
    void aChangeTheDefinitionMakesItselfIsNoDrift() {
        GovernedFact newTable = new GovernedFact(FactKind.ROW_SECURITY, "public.vouchers", "enabled");
        Database database = new Database(state(ROLE, GRANT), state(ROLE, GRANT));
        DriftAudit audit = new DriftAudit(database, DriftMode.CORRECT, Clock.systemUTC());
        audit.run();

        database.definitionMakes = state(ROLE, GRANT, newTable);
        database.held = state(ROLE, GRANT, newTable);
        AuditRun run = audit.run();

        assertThat(run.findings()).isEmpty();
        assertThat(database.reapplied).isEmpty();
    }

    /** A database whose expected state is given, and where applying the definition makes it hold that state. */
    private static final class Database implements AuditedDatabase {
        GovernedState definitionMakes;
        GovernedState held;
        boolean stubborn;
        int expectations;
        final List<String> reapplied = new ArrayList<>();

        Database(GovernedState definitionMakes, GovernedState held) {
            this.definitionMakes = definitionMakes;
            this.held = held;
        }

        @Override
        public String cell() {
            return "eu-west-1";
        }

        @Override
        public GovernedState live() {
            return held;
        }

        @Override
        public GovernedState expected() {
            expectations++;
            return definitionMakes;
        }

        @Override
        public void reapply(String reason) {
            reapplied.add(reason);
            if (!stubborn) {
                held = definitionMakes;
            }
        }
    }
}
