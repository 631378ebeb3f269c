package io.atoll.testing;

import static java.util.Objects.requireNonNull;

/** A catalog of the build's Trino for one test; closing it drops it. */
public final class TrinoTestCatalog implements AutoCloseable {
    private final TestTrino trino;
    private final String name;

    TrinoTestCatalog(TestTrino trino, String name) {
        this.trino = requireNonNull(trino, "trino is null");
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        trino.dropCatalog(name);
    }
}
