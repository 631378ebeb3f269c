package io.atoll.cell.workers.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository with one commit, made with the {@code git} command. Its commit's root tree can be taken
 * out of the object database and put back: a repository as a failing disk or an interrupted fetch leaves it, whose
 * commit is there but cannot be read.
 */
public final class TestRepository {
    private final Path workTree;
    private final String commit;
    private final Path rootTree;
    private final Path rootTreeAside;

    private TestRepository(Path workTree, String commit, String rootTree) {
        this.workTree = workTree;
        this.commit = commit;
        this.rootTree = workTree.resolve(".git/objects").resolve(rootTree.substring(0, 2)).resolve(rootTree.substring(2));
        this.rootTreeAside = workTree.resolveSibling(workTree.getFileName() + "-" + rootTree);
    }

    /** A repository in the new folder {@code workTree} with one commit of these files (path to text). */
    public static TestRepository create(Path workTree, Map<String, String> files) {
        try {
            Files.createDirectories(workTree);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = workTree.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(workTree, "init", "-q", "-b", "main");
        git(workTree, "add", "-A");
        git(workTree, "-c", "user.name=Test Author", "-c", "user.email=author@example.test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "First");
        return new TestRepository(workTree, git(workTree, "rev-parse", "HEAD"), git(workTree, "rev-parse", "HEAD^{tree}"));
    }

    public Path workTree() {
        return workTree;
    }

    public String commit() {
        return commit;
    }

    /** Takes the commit's root tree out of the object database: the commit resolves, its folders cannot be read. */
    public void loseRootTree() {
        move(rootTree, rootTreeAside);
    }

    public void recoverRootTree() {
        move(rootTreeAside, rootTree);
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs git in the work tree and answers its standard output's first line. */
    private static String git(Path workTree, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", workTree.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output.lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
