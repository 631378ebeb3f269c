package io.atoll.cell.app;

import io.micronaut.runtime.Micronaut;

public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        // No banner: every line on stdout is a JSON log record.
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
