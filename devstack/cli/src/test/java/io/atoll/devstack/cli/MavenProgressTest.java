package io.atoll.devstack.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's view of a build: a line per module with k of n and the time, and every error in full. */
class MavenProgressTest {
    private static final Path FILTER = Path.of("src/main/sh/maven-progress.sh");
    private static final String BUILD = """
            [INFO] Scanning for projects...
            [INFO] Reactor Build Order:
            [INFO]
            [INFO] Atoll parent                                                       [pom]
            [INFO] Atoll CLI                                                          [jar]
            [INFO]
            [INFO] ----------------------< io.atoll:atoll-parent >-----------------------
            [INFO] Building Atoll parent 0.1.0-SNAPSHOT                                [1/2]
            [INFO]   from pom.xml
            [INFO] Downloading from central: https://repo.example.test/a.pom
            [INFO] Downloading from central: https://repo.example.test/b.pom
            [INFO] --- install:3.1.2:install (default-install) @ atoll-parent ---
            [INFO] ------------------------< io.atoll:atoll-devstack-cli >---------------
            [INFO] Building Atoll CLI 0.1.0-SNAPSHOT                                   [2/2]
            [INFO] Building jar: /repo/devstack/cli/target/atoll-cli.jar
            [WARNING] a warning nobody needs here
            [ERROR] /repo/devstack/cli/src/main/java/A.java:[3,5] cannot find symbol
              symbol:   class Missing
              location: class A
            [INFO] BUILD FAILURE
            [ERROR] Failed to execute goal compile (default-compile) on project atoll-devstack-cli -> [Help 1]
            """;

    @Test
    void showsEachModuleWithKOfNAndTheTimeAndEveryErrorInFull(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("build.log");

        String shown = filter(BUILD, log);

        assertThat(shown.lines()).containsExactly(
                "atoll: building [1/2] Atoll parent (0 s)",
                "atoll: downloading dependencies of Atoll parent (0 s)",
                "atoll: building [2/2] Atoll CLI (0 s)",
                "[ERROR] /repo/devstack/cli/src/main/java/A.java:[3,5] cannot find symbol",
                "  symbol:   class Missing",
                "  location: class A",
                "[ERROR] Failed to execute goal compile (default-compile) on project atoll-devstack-cli -> [Help 1]");
        assertThat(Files.readString(log)).isEqualTo(BUILD);
    }

    @Test
    void aBuildOfOneModuleSaysItsNameAndWhenItIsDone(@TempDir Path folder) throws Exception {
        String shown = filter("[INFO] Building Atoll CLI 0.1.0-SNAPSHOT\n[INFO] BUILD SUCCESS\n", folder.resolve("build.log"));

        assertThat(shown.lines()).containsExactly("atoll: building Atoll CLI (0 s)", "atoll: built (0 s)");
    }

    @Test
    void aBuildThatSucceedsKeepsTheErrorsItLoggedAboutOtherProjectsInTheLog(@TempDir Path folder) throws Exception {
        String build = """
                [INFO] Building Atoll Cassandra runtime 0.1.0-SNAPSHOT                    [1/2]
                [WARNING] The POM for org.example:parser:jar:0.5 is invalid, transitive dependencies (if any) will not be available
                [ERROR] 'dependencies.dependency.systemPath' for org.example:tool:jar must specify an absolute path @
                [INFO] Building Atoll CLI 0.1.0-SNAPSHOT                                  [2/2]
                [INFO] BUILD SUCCESS
                """;
        Path log = folder.resolve("build.log");

        String shown = filter(build, log);

        assertThat(shown.lines()).containsExactly("atoll: building [1/2] Atoll Cassandra runtime (0 s)",
                "atoll: building [2/2] Atoll CLI (0 s)", "atoll: built (0 s)");
        assertThat(Files.readString(log)).contains("systemPath");
    }

    private static String filter(String mavenOutput, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", FILTER.toString(), log.toString()).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(mavenOutput.getBytes(StandardCharsets.UTF_8));
        }
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return shown;
    }
}
