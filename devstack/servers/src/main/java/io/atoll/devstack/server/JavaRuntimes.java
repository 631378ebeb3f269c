package io.atoll.devstack.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDKs that the servers run as JVMs of their own need: 17 for Cassandra 5.0 (it dies on newer JDKs setting
 * a security Policy) and S3Proxy (built and tested for 17); a newer one for Trino, which needs 24 or later.
 */
public final class JavaRuntimes {
    public static final String OVERRIDE = "ATOLL_JAVA17_HOME";
    public static final String NEWEST_OVERRIDE = "ATOLL_JAVA_NEWEST_HOME";
    private static final Pattern FEATURE = Pattern.compile("JAVA_VERSION=\"(\\d+)");
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

    /**
     * The {@code java} of the newest JDK installed under /usr/lib/jvm, or the configured one, if its version is at least
     * {@code feature}.
     */
    public static Path newest(int feature) throws IOException {
        String configured = System.getenv(NEWEST_OVERRIDE);
        if (configured != null && !configured.isBlank()) {
            return java(Path.of(configured));
        }
        Optional<Path> newest = Optional.empty();
        int newestFeature = 0;
        if (Files.isDirectory(JVM_ROOT)) {
            try (Stream<Path> homes = Files.list(JVM_ROOT)) {
                for (Path home : homes.sorted().toList()) {
                    Path release = home.resolve("release");
                    if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                        int found = featureOf(Files.readAllLines(release));
                        if (found > newestFeature) {
                            newestFeature = found;
                            newest = Optional.of(home.resolve("bin/java"));
                        }
                    }
                }
            }
        }
        if (newestFeature < feature) {
            throw new IOException("a JDK " + feature + " or newer is needed and none was found under " + JVM_ROOT
                    + ": install one (e.g. temurin-25-jdk) or set " + NEWEST_OVERRIDE);
        }
        return newest.orElseThrow();
    }

    private static int featureOf(List<String> releaseFile) {
        return releaseFile.stream().map(FEATURE::matcher).filter(Matcher::find).findFirst()
                .map(matcher -> Integer.parseInt(matcher.group(1))).orElse(0);
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
