package io.atoll.e2e;

import io.atoll.devstack.platform.PlatformSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The {@code atoll} command as its launcher runs it ({@code java -jar devstack/cli/target/atoll-cli.jar ...}, with
 * the checkout as {@code ATOLL_HOME}), pointed at the e2e platform by the environment variables its options read:
 * the platform's state folder and every address it was started with.
 */
final class AtollCli {
    private final PlatformSettings settings;
    private final Path checkout;

    /** What one command line printed, and its exit code. */
    record Run(int exit, String out, String err) {
    }

    AtollCli(PlatformSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.checkout = settings.repository().orElseThrow(() -> new IllegalArgumentException("the e2e platform runs its cells"));
    }

    Run run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", checkout.resolve("devstack/cli/target/atoll-cli.jar").toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createDirectories(settings.stateDir().resolve("cli"));
        Path out = Files.createTempFile(output, "out-", ".txt");
        Path err = Files.createTempFile(output, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("atoll " + String.join(" ", arguments) + " did not finish within " + timeout
                    + "; its output so far: " + read(out) + read(err));
        }
        return new Run(process.exitValue(), read(out), read(err));
    }

    private Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("ATOLL_HOME", checkout.toString()),
                Map.entry("ATOLL_STATE_DIR", settings.stateDir().toString()),
                Map.entry("ATOLL_POSTGRES_HOST", settings.postgres().host()),
                Map.entry("ATOLL_POSTGRES_PORT", Integer.toString(settings.postgres().port())),
                Map.entry("ATOLL_RABBITMQ_HOST", settings.rabbitmq().host()),
                Map.entry("ATOLL_RABBITMQ_PORT", Integer.toString(settings.rabbitmq().port())),
                Map.entry("ATOLL_S3_HOST", settings.s3().host()),
                Map.entry("ATOLL_S3_PORT", Integer.toString(settings.s3().port())),
                Map.entry("ATOLL_CASSANDRA_HOST", settings.cassandra().host()),
                Map.entry("ATOLL_CASSANDRA_PORT", Integer.toString(settings.cassandra().port())),
                Map.entry("ATOLL_CASSANDRA_STORAGE_PORT", Integer.toString(settings.cassandraStoragePort())),
                Map.entry("ATOLL_CASSANDRA_HEAP", settings.cassandraHeap()),
                Map.entry("ATOLL_REGIONS", String.join(",", settings.regions())),
                Map.entry("ATOLL_CELL_BASE_PORT", Integer.toString(settings.cellBasePort())),
                Map.entry("ATOLL_ROUTER_PORT", Integer.toString(settings.router().dataPlane().port())),
                Map.entry("ATOLL_ROUTER_ADMIN_PORT", Integer.toString(settings.router().admin().port())));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
