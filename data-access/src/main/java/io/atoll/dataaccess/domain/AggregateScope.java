package io.atoll.dataaccess.domain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Aggregates kept in a materialised view, computed over every row of the cell and refreshed on schedule and on
 * demand; a team's row limit is applied when they are read.
 *
 * @param key the columns that tell rows apart (a refresh replaces rows by them without blocking readers)
 * @param columns the names of the query's output columns, in order
 * @param sql one SELECT over the team's schema
 */
public record AggregateScope(String name, String description, List<String> key, List<String> columns, String sql) {
    public AggregateScope {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        requireNonNull(sql, "sql is null");
    }
}
