package io.atoll.cell.workers.domain.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import static java.util.Objects.requireNonNull;

/** The folders attempts work in: one of its own per attempt, emptied first if a vanished worker left one behind. */
public final class WorkDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectories.class);

    private final Path root;

    public WorkDirectories(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath();
    }

    /** A new, empty folder named {@code name}. */
    public Path create(String name) {
        Path directory = root.resolve(name);
        if (!directory.getParent().equals(root)) {
            throw new IllegalArgumentException("not a plain folder name: " + name);
        }
        try {
            delete(directory);
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work folder " + directory, e);
        }
    }

    /** Deletes the folder and everything in it; a folder that cannot be deleted is logged and left for the next run. */
    public void deleteQuietly(Path directory) {
        try {
            delete(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete the work folder {}: {}", directory, e.toString());
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(visited);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
