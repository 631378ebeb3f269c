package io.atoll.cell.workers.cleanup;

import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar atoll-workers.jar cleanup [--older-than 30d] [--purge-only | --archive-only]}: one cleanup run,
 * as a Kubernetes CronJob starts it. The application context starts without the HTTP server, the queue consumers
 * and the schedule. Progress lines and a summary go to standard output and the exit status is 0; on failure one
 * line on standard error and status 1.
 */
public final class CleanupCommand {
    public static final String NAME = "cleanup";
    /** The environment of the command's context; beans that must not run in it can require {@code notEnv} it. */
    public static final String ENVIRONMENT = "cleanup-command";

    private CleanupCommand() {
    }

    /** Runs the command with the arguments after {@code cleanup}; returns the exit status. */
    public static int run(List<String> args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        // Standard output carries the command's own lines; the JSON log (written to whatever System.out is) goes to standard error.
        System.setOut(err);
        try {
            CleanupOptions options;
            try {
                options = CleanupOptions.parse(args);
            } catch (IllegalArgumentException usage) {
                err.println("cleanup: " + usage.getMessage() + " (usage: " + CleanupOptions.USAGE + ")");
                return 1;
            }
            try (ApplicationContext context = ApplicationContext.builder()
                    .environments(ENVIRONMENT)
                    .properties(Map.of("atoll.workers.cleanup.enabled", false, "rabbitmq.enabled", false))
                    .start()) {
                CleanupSettings settings = context.getBean(CleanupSettings.class);
                CleanupReport report = context.getBean(CleanupJob.class).run(options.request(settings.hotWindow()), new CleanupProgress(out::println));
                out.println(CleanupProgress.summary(report));
                return 0;
            }
        } catch (RuntimeException failure) {
            err.println("cleanup failed: " + oneLine(failure));
            return 1;
        } finally {
            System.setOut(out);
        }
    }

    /** The failure's first line and, when it adds something, what caused it at the bottom: never a stack trace. */
    static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = firstLine(failure);
        String cause = firstLine(root);
        if (root != failure && !line.contains(cause)) {
            line = line + ": " + cause;
        }
        return line;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
