package io.atoll.dataaccess.domain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A view of a team's own making over the views of its schema, run with the reader's rights (so the row limits
 * of the tables below hold).
 *
 * @param columns the names of the query's output columns, in order
 * @param sql one SELECT over the team's schema
 */
public record ViewScope(String name, String description, List<String> columns, String sql) {
    public ViewScope {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        columns = List.copyOf(columns);
        requireNonNull(sql, "sql is null");
    }
}
