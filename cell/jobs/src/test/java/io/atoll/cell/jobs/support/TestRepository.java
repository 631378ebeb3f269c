package io.atoll.cell.jobs.support;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** A real git repository in a folder, built with JGit: files written, then committed. */
public final class TestRepository implements AutoCloseable {
    private static final PersonIdent AUTHOR =
            new PersonIdent("Test Author", "author@example.test", Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final Path workTree;
    private final Git git;

    private TestRepository(Path workTree, Git git) {
        this.workTree = workTree;
        this.git = git;
    }

    public static TestRepository create(Path workTree) {
        try {
            return new TestRepository(workTree, Git.init().setDirectory(workTree.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path workTree() {
        return workTree;
    }

    public TestRepository write(String path, String text) {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestRepository write(String path, byte[] content) {
        try {
            Path file = workTree.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepository delete(String path) {
        try {
            Files.delete(workTree.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits every change in the work tree and answers the commit's id. */
    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bare clone of this repository in {@code target}: a repository without any work tree. */
    public Path bareClone(Path target) {
        try (Git clone = Git.cloneRepository().setURI(workTree.toUri().toString()).setDirectory(target.toFile())
                .setBare(true).call()) {
            return clone.getRepository().getDirectory().toPath();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
