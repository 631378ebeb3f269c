package io.atoll.cell.jobs.repository;

import static java.util.Objects.requireNonNull;

/**
 * Where a secret was committed. The secret itself is never reported: whoever can read the scan's result need not
 * be able to read the repository.
 *
 * @param path from the top of the repository's tree
 * @param line 1-based
 */
public record SecretFinding(String path, long line, SecretRule rule) {
    public SecretFinding {
        requireNonNull(path, "path is null");
        requireNonNull(rule, "rule is null");
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1, not " + line);
        }
    }
}
