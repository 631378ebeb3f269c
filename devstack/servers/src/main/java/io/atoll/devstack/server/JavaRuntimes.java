package io.atoll.devstack.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the JDK 17 that the servers run as JVMs of their own need: Cassandra 5.0 dies on newer JDKs setting a
 * security Policy, and S3Proxy is built and tested for 17.
 */
public final class JavaRuntimes {
    public static final String OVERRIDE = "ATOLL_JAVA17_HOME";
    private static final Path JVM_ROOT = Path.of("/usr/lib/jvm");

    private JavaRuntimes() {
    }

    /** The {@code java} of a JDK 17: the configured one, the running one if it is 17, else one installed under /usr/lib/jvm. */
    public static Path jdk17() throws IOException {
        String configured = System.getenv(OVERRIDE);
        if (configured != null && !configured.isBlank()) {
            return java(Path.of(configured));
        }
        Path current = Path.of(System.getProperty("java.home"));
        if ("17".equals(System.getProperty("java.specification.version"))) {
            return java(current);
        }
        return installed().orElseThrow(() -> new IOException(
                "a JDK 17 is needed and none was found under " + JVM_ROOT + ": install openjdk-17-jdk or set " + OVERRIDE));
    }

    private static Optional<Path> installed() throws IOException {
        if (!Files.isDirectory(JVM_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVM_ROOT)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && isJava17(Files.readAllLines(release))
                        && Files.isExecutable(home.resolve("bin/java"))) {
                    return Optional.of(home.resolve("bin/java"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isJava17(List<String> releaseFile) {
        return releaseFile.stream().anyMatch(line -> line.startsWith("JAVA_VERSION=\"17"));
    }

    private static Path java(Path home) throws IOException {
        Path java = home.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java at " + java);
        }
        return java;
    }
}
