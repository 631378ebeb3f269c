package io.atoll.dataaccess.domain.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What differs between the state the definition makes and the state a database holds, a finding per fact key. */
public final class DriftComparison {
    private DriftComparison() {
    }

    /** @return the findings in the order of their facts' keys; none when the two states are the same */
    public static List<DriftFinding> compare(GovernedState expected, GovernedState found) {
        TreeSet<String> keys = new TreeSet<>(expected.facts().keySet());
        keys.addAll(found.facts().keySet());
        List<DriftFinding> findings = new ArrayList<>();
        for (String key : keys) {
            Optional<GovernedFact> wanted = expected.fact(key);
            Optional<GovernedFact> held = found.fact(key);
            if (!wanted.equals(held)) {
                GovernedFact either = wanted.or(() -> held).orElseThrow();
                findings.add(new DriftFinding(either.kind(), either.subject(), wanted.map(GovernedFact::value), held.map(GovernedFact::value)));
            }
        }
        return List.copyOf(findings);
    }
}
