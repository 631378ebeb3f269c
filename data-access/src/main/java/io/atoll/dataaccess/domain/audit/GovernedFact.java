package io.atoll.dataaccess.domain.audit;

import static java.util.Objects.requireNonNull;

/**
 * One thing the scope definition decides about a database, as the database holds it: a role's attributes, a right of
 * a team role or of a person's login, a policy, a trigger. Two facts of the same kind and subject say the same thing
 * when their values are equal.
 *
 * @param subject what the fact is about, unique within its kind, e.g. {@code analytics SELECT on table public.members}
 * @param value what the database holds of it, e.g. {@code granted}
 */
public record GovernedFact(FactKind kind, String subject, String value) {
    public GovernedFact {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(value, "value is null");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject is blank");
        }
    }

    /** The fact's identity: a database holds at most one value for it. */
    public String key() {
        return kind.label() + " " + subject;
    }
}
