package io.atoll.dataaccess.domain.audit;

import java.util.Locale;

/** What a {@link GovernedFact} is about; its label names it in findings, logs and metrics. */
public enum FactKind {
    /** A team role's attributes, or a person's login holding an attribute that lifts the scope. */
    ROLE,
    /** A role a team role is a member of, and so holds the rights of. */
    MEMBERSHIP,
    /** A right of a team role or a person's login on a relation, column, routine, schema or the database. */
    PRIVILEGE,
    /** Row security switched on (and forced) on a table. */
    ROW_SECURITY,
    /** A row policy and its meaning. */
    POLICY,
    /** A trigger data-access owns, with its definition and whether it fires. */
    TRIGGER,
    /** A relation in a team's schema or data-access's own, with its definition. */
    RELATION,
    /** A routine in a team's schema or data-access's own, with its definition. */
    ROUTINE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
