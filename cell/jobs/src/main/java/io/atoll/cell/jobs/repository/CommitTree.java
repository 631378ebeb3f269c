package io.atoll.cell.jobs.repository;

import io.atoll.cell.jobs.InvalidJobInputException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The tree of one commit of a local git repository, read from the object database: nothing is checked out, so a
 * bare repository works as well as a clone, and the working tree's state does not matter.
 */
final class CommitTree implements AutoCloseable {
    /** The top-level folder name that stands for the files at the root of the tree. */
    static final String ROOT = ".";
    /** A full or abbreviated commit id (SHA-1 or SHA-256). */
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{7,64}");
    /** Git's own short form for remote repositories: user@host:path. */
    private static final Pattern SCP_LIKE = Pattern.compile("[^/]*@[^/:]+:.*");

    /** What {@link #readFiles} hands each file to. */
    @FunctionalInterface
    interface FileVisitor {
        void visit(String path, InputStream content) throws IOException;
    }

    private final Repository repository;
    private final ObjectReader reader;
    private final RevTree tree;

    private CommitTree(Repository repository, ObjectReader reader, RevTree tree) {
        this.repository = requireNonNull(repository, "repository is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.tree = requireNonNull(tree, "tree is null");
    }

    /**
     * Opens the tree of {@code commitId} in the repository at {@code location}, a path or a {@code file://} URL
     * of a work tree, its {@code .git} folder or a bare repository.
     */
    static CommitTree open(String location, String commitId) throws IOException {
        if (!COMMIT_ID.matcher(commitId).matches()) {
            throw new InvalidJobInputException("commit \"" + commitId + "\" is not a commit id (7 to 64 hex digits)");
        }
        File gitDir = RepositoryCache.FileKey.resolve(localPath(location).toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new InvalidJobInputException("repository " + location + " is not a git repository");
        }
        Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
        ObjectReader reader = repository.newObjectReader();
        try (RevWalk walk = new RevWalk(reader)) {
            ObjectId id = repository.resolve(commitId + "^{commit}");
            if (id == null) {
                throw new InvalidJobInputException("commit " + commitId + " is not in repository " + location);
            }
            return new CommitTree(repository, reader, walk.parseCommit(id).getTree());
        } catch (AmbiguousObjectException e) {
            close(repository, reader);
            throw new InvalidJobInputException("commit " + commitId + " is ambiguous in repository " + location
                    + ": give more of its digits");
        } catch (IncorrectObjectTypeException | MissingObjectException | RevisionSyntaxException e) {
            close(repository, reader);
            throw new InvalidJobInputException("commit " + commitId + " is not a commit of repository " + location);
        } catch (IOException | RuntimeException e) {
            close(repository, reader);
            throw e;
        }
    }

    /** The names of the folders at the top of the tree, in order. */
    SortedSet<String> topLevelFolders() throws IOException {
        SortedSet<String> folders = new TreeSet<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            while (walk.next()) {
                if (FileMode.TREE.equals(walk.getRawMode(0))) {
                    folders.add(walk.getNameString());
                }
            }
        }
        return folders;
    }

    /** Whether files lie at the top of the tree itself, outside any folder. */
    boolean hasTopLevelFiles() throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            while (walk.next()) {
                if (isFile(walk.getRawMode(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Hands every file of a top-level folder, at any depth, to {@code visitor}, with its path from the top of the
     * tree; for {@link #ROOT}, the files at the top of the tree only. Symbolic links and submodules are no files.
     */
    void readFiles(String folder, FileVisitor visitor) throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            String prefix;
            if (ROOT.equals(folder)) {
                walk.addTree(tree);
                prefix = "";
            } else {
                walk.addTree(folderTree(folder));
                walk.setRecursive(true);
                prefix = folder + "/";
            }
            while (walk.next()) {
                if (isFile(walk.getRawMode(0))) {
                    try (InputStream content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                        visitor.visit(prefix + walk.getPathString(), content);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        close(repository, reader);
    }

    private ObjectId folderTree(String folder) throws IOException {
        if (folder.isEmpty() || folder.contains("/") || folder.equals("..")) {
            throw new InvalidJobInputException("directory \"" + folder + "\" is not a top-level folder name or \".\"");
        }
        try (TreeWalk entry = TreeWalk.forPath(reader, folder, tree)) {
            if (entry == null || !FileMode.TREE.equals(entry.getRawMode(0))) {
                throw new InvalidJobInputException("directory \"" + folder + "\" is not a folder at this commit");
            }
            return entry.getObjectId(0);
        }
    }

    private static boolean isFile(int rawMode) {
        return FileMode.REGULAR_FILE.equals(rawMode) || FileMode.EXECUTABLE_FILE.equals(rawMode);
    }

    private static Path localPath(String location) {
        try {
            if (location.startsWith("file:")) {
                return Path.of(URI.create(location));
            }
            if (location.contains("://") || SCP_LIKE.matcher(location).matches()) {
                throw new InvalidJobInputException("repository " + location
                        + " is not local: give a path or a file:// URL of a repository on this machine");
            }
            return Path.of(location);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new InvalidJobInputException("repository " + location + " is not a usable path or file:// URL: "
                    + e.getMessage());
        }
    }

    private static void close(Repository repository, ObjectReader reader) {
        reader.close();
        repository.close();
    }
}
