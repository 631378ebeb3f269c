package io.atoll.cell.storage;

import io.micronaut.runtime.Micronaut;

public final class StorageApplication {
    private StorageApplication() {
    }

    public static void main(String[] args) {
        // No banner: every line on stdout is a JSON log record.
        Micronaut.build(args).mainClass(StorageApplication.class).banner(false).start();
    }
}
