package io.atoll.devstack.cli;

import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.PlatformSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell's cleanup, run by the workers' own command-line mode with the settings `up` gives that cell's workers:
 * the workers own the cleanup, so the CLI asks their code to do it (as a Kubernetes CronJob does in production).
 */
final class WorkersCleanup {
    private WorkersCleanup() {
    }

    /** The workers' command line: {@code cleanup} and the options the operator chose. */
    static List<String> arguments(String olderThan, boolean purgeOnly, boolean archiveOnly) {
        List<String> arguments = new ArrayList<>(List.of("cleanup"));
        if (olderThan != null) {
            arguments.addAll(List.of("--older-than", olderThan));
        }
        if (purgeOnly) {
            arguments.add("--purge-only");
        }
        if (archiveOnly) {
            arguments.add("--archive-only");
        }
        return arguments;
    }

    /** Runs it, its output shown line by line as it comes; returns its exit code. */
    static int run(PlatformSettings settings, String region, List<String> arguments, PrintWriter out, PrintWriter err) {
        CellServices cell = CellAdmin.cell(settings, region);
        Path repository = CellAdmin.repository(settings);
        CellAdmin.requireBuilt(cell.workersJar(repository));
        Path secretFile = cell.workersClientSecretFile(settings.stateDir());
        Map<String, String> environment = new HashMap<>(settings.workersEnvironment(cell));
        try {
            environment.put(CellServices.WORKERS_CLIENT_SECRET, Files.readString(secretFile, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new PlatformException("no workers' secret at " + secretFile + ": `./atoll up` makes it when it starts the cell's workers");
        }
        // The service's log lines would bury the cleanup's own progress: only warnings and errors.
        environment.put("ATOLL_LOG_LEVEL", "WARN");
        ProcessBuilder builder = new ProcessBuilder(cell.workersCommand(repository, arguments))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread errors = new Thread(() -> {
                try {
                    copyLines(process.getErrorStream(), err);
                } catch (IOException unreadable) {
                    // Its error stream is gone with it; its exit code says how it ended.
                }
            }, "cleanup-stderr");
            errors.start();
            copyLines(process.getInputStream(), out);
            int exit = process.waitFor();
            errors.join();
            return exit;
        } catch (IOException e) {
            throw new PlatformException("could not run the workers' cleanup: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }

    private static void copyLines(InputStream stream, PrintWriter target) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                target.println(line);
                target.flush();
            }
        }
    }
}
