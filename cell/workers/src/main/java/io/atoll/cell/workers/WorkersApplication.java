package io.atoll.cell.workers;

import io.atoll.cell.workers.cleanup.CleanupCommand;
import io.micronaut.runtime.Micronaut;

import java.util.Arrays;

public final class WorkersApplication {
    private WorkersApplication() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && CleanupCommand.NAME.equals(args[0])) {
            System.exit(CleanupCommand.run(Arrays.asList(args).subList(1, args.length)));
        }
        // No banner: every line on stdout is a JSON log record.
        Micronaut.build(args).mainClass(WorkersApplication.class).banner(false).start();
    }
}
