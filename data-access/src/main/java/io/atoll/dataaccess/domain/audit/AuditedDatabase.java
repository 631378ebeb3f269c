package io.atoll.dataaccess.domain.audit;

/** A cell's core database as the audit sees it: what it holds, what the definition would make of it, and the cure. */
public interface AuditedDatabase {
    /** The cell the database belongs to. */
    String cell();

    /** What the database holds now of what the definition decides. */
    GovernedState live();

    /** What the database would hold right after the definition were applied to it, without changing it. */
    GovernedState expected();

    /**
     * Applies the definition again, although it has not changed since it was last applied.
     *
     * @param reason why, kept with the database's record of the definition's applications
     */
    void reapply(String reason);
}
