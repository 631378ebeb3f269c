package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atoll.devstack.platform.PlatformException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's scan request, from a real Git repository of two commits. */
class RepositoryScanTest {
    @TempDir
    Path repository;

    private String first;
    private String second;

    @BeforeEach
    void twoCommits() throws Exception {
        Files.createDirectories(repository.resolve("src"));
        git("init", "-q", "-b", "main");
        Files.writeString(repository.resolve("src/A.java"), "class A {}\n");
        git("add", ".");
        git("-c", "user.name=Test", "-c", "user.email=test@example.test", "commit", "-q", "-m", "first");
        first = git("rev-parse", "HEAD");
        git("tag", "v1");
        Files.writeString(repository.resolve("README.md"), "# a\n");
        git("add", ".");
        git("-c", "user.name=Test", "-c", "user.email=test@example.test", "commit", "-q", "-m", "second");
        second = git("rev-parse", "HEAD");
    }

    @Test
    void headATagOrAShortShaFromAnyFolderOfTheRepositoryIsTheFullShaOfItsTopFolder() throws IOException {
        Path top = repository.toRealPath();

        assertThat(RepositoryScan.of(repository.resolve("src"), "HEAD", Optional.empty())).isEqualTo(new RepositoryScan(top, second, Optional.empty()));
        assertThat(RepositoryScan.of(repository, "v1", Optional.empty()).commit()).isEqualTo(first);
        assertThat(RepositoryScan.of(repository, first.substring(0, 10), Optional.empty()).commit()).isEqualTo(first);
    }

    @Test
    void theRequestIsARepositoryScanOfThePathAtTheShaWithTheGithubRepositoryWhenGiven() throws IOException {
        UUID id = UUID.fromString("6f1c2a9e-4b7d-4e0a-9c3b-2d8e5f7a1b04");
        RepositoryScan scan = new RepositoryScan(Path.of("/work/main"), second, Optional.of("atoll-dev/atoll"));

        ObjectNode request = scan.request(id);

        assertThat(request.toString()).isEqualTo("{\"id\":\"6f1c2a9e-4b7d-4e0a-9c3b-2d8e5f7a1b04\",\"kind\":\"repository-scan\",\"memberId\":null,"
                + "\"subjectId\":\"/work/main@" + second + "\",\"spec\":{\"repository\":\"/work/main\",\"commit\":\"" + second + "\","
                + "\"github\":{\"owner\":\"atoll-dev\",\"repo\":\"atoll\"}}}");
        assertThat(new RepositoryScan(Path.of("/r"), second, Optional.empty()).request(id).path("spec").has("github")).isFalse();
    }

    @Test
    void whatIsNotARepositoryACommitOrAGithubRepositoryIsRefusedInOneLine(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> RepositoryScan.of(repository, "no-such-branch", Optional.empty()))
                .isInstanceOf(PlatformException.class).hasMessageStartingWith("no commit 'no-such-branch' in ");
        assertThatThrownBy(() -> RepositoryScan.of(repository, "--all", Optional.empty())).hasMessageStartingWith("no commit '--all'");
        assertThatThrownBy(() -> RepositoryScan.of(elsewhere, "HEAD", Optional.empty()))
                .isInstanceOf(PlatformException.class).hasMessageContaining(elsewhere + " is not in a Git repository");
        assertThatThrownBy(() -> RepositoryScan.of(elsewhere.resolve("missing"), "HEAD", Optional.empty())).hasMessageEndingWith("is not a folder");
        assertThatThrownBy(() -> new RepositoryScan(repository, second, Optional.of("just-a-name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--github takes owner/repo, not 'just-a-name'");
        assertThatThrownBy(() -> new RepositoryScan(repository, second, Optional.of("owner/.."))).hasMessageContaining("owner/repo");
        assertThatThrownBy(() -> new RepositoryScan(repository, second, Optional.of("-owner/repo"))).hasMessageContaining("owner/repo");
        assertThat(new RepositoryScan(repository, second, Optional.of("atoll-dev/atoll.github.io")).github()).contains("atoll-dev/atoll.github.io");
    }

    private String git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
