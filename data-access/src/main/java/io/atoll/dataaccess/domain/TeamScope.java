package io.atoll.dataaccess.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Everything a team may do in a cell's core database, from its scope file: the schema and the group role of the
 * team's name, what it reads, which rows, masked how, and which writes it makes.
 *
 * @param sessions which servers the team's people may log in to
 * @param attributes what each login of the team is given when granted, by name, with what it means
 */
public record TeamScope(String team, String description, Sessions sessions, SortedMap<String, String> attributes, Optional<RowLimit> rows,
                        List<TableScope> tables, List<ViewScope> views, List<AggregateScope> aggregates) {
    public TeamScope {
        requireNonNull(team, "team is null");
        requireNonNull(description, "description is null");
        requireNonNull(sessions, "sessions is null");
        attributes = new TreeMap<>(attributes);
        requireNonNull(rows, "rows is null");
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public SortedMap<String, String> attributes() {
        return new TreeMap<>(attributes);
    }

    public Optional<TableScope> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** Every relation of the team's schema with its columns, in the order of the scope file: tables, views, aggregates. */
    public Map<String, List<String>> relations() {
        Map<String, List<String>> relations = new LinkedHashMap<>();
        tables.forEach(table -> relations.put(table.name(), table.exposedColumns()));
        Stream.concat(views.stream().map(view -> Map.entry(view.name(), view.columns())),
                        aggregates.stream().map(aggregate -> Map.entry(aggregate.name(), aggregate.columns())))
                .forEach(entry -> relations.put(entry.getKey(), entry.getValue()));
        return relations;
    }
}
