package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atoll.devstack.platform.PlatformException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * An operator's request to scan a Git repository at one commit: which repository (its top folder on this machine),
 * which commit (a sha, whatever name it was given by), and the GitHub repository whose commit status reports it.
 *
 * @param repository the repository's top folder
 * @param commit the commit's full sha
 * @param github {@code owner/repo} on GitHub, when the result is to be reported there
 */
record RepositoryScan(Path repository, String commit, Optional<String> github) {
    static final String KIND = "repository-scan";
    /** GitHub's own rules for an owner and a repository name (which is never only dots). */
    private static final Pattern GITHUB_REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}/(?!\\.+$)[A-Za-z0-9._-]{1,100}");

    RepositoryScan {
        requireNonNull(repository, "repository is null");
        requireNonNull(commit, "commit is null");
        requireGithubName(github);
    }

    /** The scan of {@code commit} (a sha, {@code HEAD}, a branch or a tag) of the repository that holds {@code folder}. */
    static RepositoryScan of(Path folder, String commit, Optional<String> github) {
        requireGithubName(github);
        if (!Files.isDirectory(folder)) {
            throw new PlatformException(folder + " is not a folder");
        }
        Path top = Path.of(git(folder, folder + " is not in a Git repository", "rev-parse", "--show-toplevel"));
        String noCommit = "no commit '" + commit + "' in " + top;
        if (commit.isBlank() || commit.startsWith("-")) {
            throw new PlatformException(noCommit);
        }
        return new RepositoryScan(top, git(top, noCommit, "rev-parse", "--verify", "--quiet", commit + "^{commit}"), github);
    }

    private static void requireGithubName(Optional<String> github) {
        requireNonNull(github, "github is null");
        if (github.isPresent() && !GITHUB_REPOSITORY.matcher(github.get()).matches()) {
            throw new IllegalArgumentException("--github takes owner/repo, not '" + github.get() + "'");
        }
    }

    /** Storage's subject of the request: the same repository and commit are the same subject. */
    String subject() {
        return repository + "@" + commit;
    }

    /** The body of storage's {@code POST /job-requests}, under an id of the caller's own. */
    ObjectNode request(UUID id) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode spec = json.objectNode().put("repository", repository.toString()).put("commit", commit);
        github.ifPresent(name -> spec.set("github", json.objectNode()
                .put("owner", name.substring(0, name.indexOf('/'))).put("repo", name.substring(name.indexOf('/') + 1))));
        ObjectNode request = json.objectNode().put("id", id.toString()).put("kind", KIND).putNull("memberId").put("subjectId", subject());
        request.set("spec", spec);
        return request;
    }

    /** Git's one line of output, or {@code failure} with the first line of git's own complaint. */
    private static String git(Path folder, String failure, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PlatformException("git did not answer within 30 s in " + folder);
            }
            if (process.exitValue() != 0 || output.isEmpty()) {
                throw new PlatformException(failure + (errors.isEmpty() ? "" : " (" + errors.lines().findFirst().orElse("") + ")"));
            }
            return output;
        } catch (IOException e) {
            throw new PlatformException("could not run git (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
