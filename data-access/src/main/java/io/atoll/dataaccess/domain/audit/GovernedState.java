package io.atoll.dataaccess.domain.audit;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything the scope definition decides about one database, as one database holds it, by fact key. */
public final class GovernedState {
    private final SortedMap<String, GovernedFact> facts;

    public GovernedState(Collection<GovernedFact> facts) {
        SortedMap<String, GovernedFact> byKey = new TreeMap<>();
        for (GovernedFact fact : facts) {
            GovernedFact before = byKey.put(fact.key(), fact);
            if (before != null && !before.equals(fact)) {
                throw new IllegalArgumentException("two values for " + fact.key() + ": '" + before.value() + "' and '" + fact.value() + "'");
            }
        }
        this.facts = Collections.unmodifiableSortedMap(byKey);
    }

    public Optional<GovernedFact> fact(String key) {
        return Optional.ofNullable(facts.get(key));
    }

    public SortedMap<String, GovernedFact> facts() {
        return facts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GovernedState state && facts.equals(state.facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }

    @Override
    public String toString() {
        return facts.size() + " governed facts";
    }
}
