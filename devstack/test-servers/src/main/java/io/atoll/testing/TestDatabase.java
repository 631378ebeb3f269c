package io.atoll.testing;

/** A PostgreSQL database of a test's own, wherever it is made: where it is and who owns it. */
public interface TestDatabase extends AutoCloseable {
    String name();

    String jdbcUrl();

    /** Its owner, who may create roles. */
    String username();

    String password();

    /** Drops it. */
    @Override
    void close();
}
