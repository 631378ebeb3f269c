package io.atoll.dataaccess.domain.audit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftComparisonTest {
    private static final GovernedFact ROLE = new GovernedFact(FactKind.ROLE, "team sales", "no attributes");
    private static final GovernedFact GRANT = new GovernedFact(FactKind.PRIVILEGE, "sales SELECT on view sales.items", "granted");
    private static final GovernedFact POLICY = new GovernedFact(FactKind.POLICY, "public.orders data_access_logistics_rows",
            "RESTRICTIVE FOR ALL TO logistics USING (warehouse_region = data_access.user_attribute(CURRENT_USER, 'region'::text))");

    @Test
    void theSameFactsAreNoFinding() {
        assertThat(DriftComparison.compare(state(ROLE, GRANT, POLICY), state(POLICY, GRANT, ROLE))).isEmpty();
    }

    @Test
    void aFactFoundAndNotExpectedIsUnexpected() {
        GovernedFact byHand = new GovernedFact(FactKind.PRIVILEGE, "analytics SELECT on table public.members", "granted");

        List<DriftFinding> findings = DriftComparison.compare(state(ROLE, GRANT), state(ROLE, GRANT, byHand));

        assertThat(findings).containsExactly(new DriftFinding(FactKind.PRIVILEGE, "analytics SELECT on table public.members",
                Optional.empty(), Optional.of("granted")));
        assertThat(findings.get(0).change()).isEqualTo("unexpected");
        assertThat(findings.get(0).line()).isEqualTo("privilege analytics SELECT on table public.members: expected nothing, found 'granted'");
    }

    @Test
    void aFactExpectedAndNotFoundIsMissing() {
        List<DriftFinding> findings = DriftComparison.compare(state(ROLE, GRANT, POLICY), state(ROLE, GRANT));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.change()).isEqualTo("missing");
            assertThat(finding.line()).startsWith("policy public.orders data_access_logistics_rows: expected 'RESTRICTIVE FOR ALL TO logistics")
                    .endsWith(", found nothing");
        });
    }

    @Test
    void aFactHeldWithAnotherValueIsChanged() {
        GovernedFact login = new GovernedFact(FactKind.ROLE, "team sales", "LOGIN BYPASSRLS");

        List<DriftFinding> findings = DriftComparison.compare(state(ROLE, GRANT), state(login, GRANT));

        assertThat(findings).extracting(DriftFinding::line).containsExactly("role team sales: expected 'no attributes', found 'LOGIN BYPASSRLS'");
        assertThat(findings.get(0).change()).isEqualTo("changed");
    }

    @Test
    void theSameSubjectOfAnotherKindIsAnotherFact() {
        GovernedFact relation = new GovernedFact(FactKind.RELATION, "public.orders", "table");
        GovernedFact rowSecurity = new GovernedFact(FactKind.ROW_SECURITY, "public.orders", "enabled, forced");

        assertThat(DriftComparison.compare(state(relation, rowSecurity), state(relation)))
                .extracting(DriftFinding::line).containsExactly("row-security public.orders: expected 'enabled, forced', found nothing");
    }

    @Test
    void findingsComeInTheOrderOfTheirFacts() {
        GovernedFact a = new GovernedFact(FactKind.PRIVILEGE, "analytics SELECT on table public.members", "granted");
        GovernedFact b = new GovernedFact(FactKind.PRIVILEGE, "sales DELETE on table public.items", "granted");

        assertThat(DriftComparison.compare(state(ROLE), state(b, ROLE, a))).extracting(DriftFinding::subject)
                .containsExactly(a.subject(), b.subject());
    }

    @Test
    void aLongDefinitionIsShownByItsDigestSoThatAFindingStaysOneLine() {
        String definition = "CREATE TRIGGER data_access_never_deleted BEFORE DELETE ON public.items\nFOR EACH ROW EXECUTE FUNCTION "
                + "data_access.refuse_delete() -- and a great deal more text than a log line should carry, repeated so as to be long";
        GovernedFact enabled = new GovernedFact(FactKind.TRIGGER, "public.items data_access_never_deleted", "enabled: " + definition);
        GovernedFact disabled = new GovernedFact(FactKind.TRIGGER, "public.items data_access_never_deleted", "disabled: " + definition);

        String line = DriftComparison.compare(state(enabled), state(disabled)).get(0).line();

        assertThat(line).doesNotContain("\n").contains("expected 'enabled: CREATE TRIGGER").contains("found 'disabled: CREATE TRIGGER")
                .containsPattern("\\(sha-256 [0-9a-f]{12}\\), found .*\\(sha-256 [0-9a-f]{12}\\)$");
    }

    @Test
    void aStateHoldsOneValuePerFact() {
        assertThatThrownBy(() -> state(ROLE, new GovernedFact(FactKind.ROLE, "team sales", "LOGIN")))
                .hasMessage("two values for role team sales: 'no attributes' and 'LOGIN'");
    }

    @Test
    void aModeIsNamedByItsLabel() {
        assertThat(DriftMode.of("report")).isEqualTo(DriftMode.REPORT);
        assertThatThrownBy(() -> DriftMode.of("revert")).hasMessage("drift mode 'revert' is not one of correct, report");
    }

    static GovernedState state(GovernedFact... facts) {
        return new GovernedState(List.of(facts));
    }
}
