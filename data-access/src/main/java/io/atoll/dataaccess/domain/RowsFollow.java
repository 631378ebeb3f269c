package io.atoll.dataaccess.domain;

import static java.util.Objects.requireNonNull;

/** A table whose rows are seen when the row of {@code table} its {@code by} column refers to is (a line and its order). */
public record RowsFollow(String table, String by) {
    public RowsFollow {
        requireNonNull(table, "table is null");
        requireNonNull(by, "by is null");
    }
}
