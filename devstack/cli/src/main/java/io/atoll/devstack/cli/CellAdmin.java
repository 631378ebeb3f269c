package io.atoll.devstack.cli;

import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.PlatformSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of auth's admin commands against a cell's database, with the settings `up` gives that cell's
 * auth: the cell owns its accounts and keys, so the CLI asks the cell's own code to change them.
 */
final class CellAdmin {
    private CellAdmin() {
    }

    /** The platform's cell of that region, or a one-line refusal naming the cells there are. */
    static CellServices cell(PlatformSettings settings, String region) {
        return settings.cell(region).orElseThrow(() -> new PlatformException("no cell '" + region + "'; the cells are " + settings.regions()));
    }

    /** Where the services' JARs are, for a platform that runs its cells. */
    static Path repository(PlatformSettings settings) {
        return settings.repository().orElseThrow(() -> new PlatformException("--servers-only runs no cells"));
    }

    /** A JAR a command runs, which the launcher builds for the commands that need it. */
    static Path requireBuilt(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new PlatformException(jar + " is missing: run ./atoll up (it builds the services) or ./mvnw -B package -DskipTests");
        }
        return jar;
    }

    static int run(PlatformSettings settings, String region, List<String> arguments, PrintWriter out, PrintWriter err) {
        CellServices cell = cell(settings, region);
        Path repository = repository(settings);
        requireBuilt(cell.authJar(repository));
        ProcessBuilder builder = new ProcessBuilder(cell.authAdminCommand(repository, arguments))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(cell.authAdminEnvironment(settings.postgresServer()));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new PlatformException("auth's admin command did not finish within 2 minutes");
            }
            out.print(output);
            err.print(errors);
            return process.exitValue();
        } catch (IOException e) {
            throw new PlatformException("could not run auth's admin command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
