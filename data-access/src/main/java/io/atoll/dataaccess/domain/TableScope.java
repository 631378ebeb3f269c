package io.atoll.dataaccess.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What a team may do with one of storage's tables, exposed to it as a view of the same name in its schema.
 *
 * @param key the table's primary key columns
 * @param columns the columns the team reads as they are
 * @param masked the columns it reads only masked
 * @param insert the columns it may give when inserting (none: no inserts)
 * @param update the columns it may change (none: no updates)
 * @param statusChange present when changing {@code status} is recorded as storage records it
 * @param neverDeleted rows are never deleted, by anyone: a trigger refuses it even where a grant would allow it
 * @param rowsFollow present when the table's rows are seen through another table's
 */
public record TableScope(String name, List<String> key, List<String> columns, List<MaskedColumn> masked, List<String> insert,
                         List<String> update, Optional<StatusChange> statusChange, boolean neverDeleted,
                         Optional<RowsFollow> rowsFollow) {
    public TableScope {
        requireNonNull(name, "name is null");
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        masked = List.copyOf(masked);
        insert = List.copyOf(insert);
        update = List.copyOf(update);
        requireNonNull(statusChange, "statusChange is null");
        requireNonNull(rowsFollow, "rowsFollow is null");
    }

    /** The view's columns: those read as they are, then the masked ones. */
    public List<String> exposedColumns() {
        return Stream.concat(columns.stream(), masked.stream().map(MaskedColumn::name)).toList();
    }
}
