package io.atoll.cell.workers.support;

import java.nio.file.Path;

/** Where the project's other modules are: their packaged JARs are what the tests run. */
final class Modules {
    private Modules() {
    }

    /** The project's root, as failsafe names it; the module's parent's parent when run from an IDE. */
    static Path root() {
        String root = System.getProperty("atoll.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent().getParent();
    }
}
