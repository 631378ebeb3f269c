package io.atoll.dataaccess.domain;

import static java.util.Objects.requireNonNull;

/**
 * The rows a person of a team sees: those whose {@code column} equals the value of {@code attribute} given to
 * the person's login when it was granted (a logistics person's warehouse region).
 */
public record RowLimit(String column, String attribute) {
    public RowLimit {
        requireNonNull(column, "column is null");
        requireNonNull(attribute, "attribute is null");
    }
}
