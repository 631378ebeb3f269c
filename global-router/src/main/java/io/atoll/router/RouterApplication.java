package io.atoll.router;

import io.micronaut.runtime.Micronaut;

/** The global router: the mobile API's single entry point in front of all cells. */
public final class RouterApplication {
    private RouterApplication() {
    }

    public static void main(String[] args) {
        // No banner: every line on stdout is a JSON log record.
        Micronaut.build(args).mainClass(RouterApplication.class).banner(false).start();
    }
}
