package io.atoll.dataaccess.domain;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one team's scope file and checks it, so that what compiles is a scope both engines can enforce. Every
 * refusal is one line: the file, the field, what is wrong.
 */
public final class ScopeParser {
    /** Lower-case SQL identifiers that need no quoting in PostgreSQL or Trino; 63 is PostgreSQL's limit. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Team names become schemas and roles: no clash with PostgreSQL's, storage's or this layer's own. */
    private static final Set<String> RESERVED_TEAMS = Set.of("public", "data_access", "information_schema", "postgres");
    /** Schemas a team's own SQL must not read: storage's tables and this layer's private objects. */
    private static final Pattern FOREIGN_SCHEMA = Pattern.compile("\\b(public|data_access|pg_catalog|information_schema)\\s*\\.",
            Pattern.CASE_INSENSITIVE);
    /** The statuses storage's fulfilment transactions record (fulfilment_transactions.to_status). */
    private static final Set<String> FULFILMENT_STATUSES = Set.of("fulfilled", "cancelled");

    private final String file;

    private ScopeParser(String file) {
        this.file = file;
    }

    /**
     * @param file the file's name, {@code <team>.yaml}: the team must be named as its file
     * @param yaml the file's content
     */
    public static TeamScope parse(String file, String yaml) {
        return new ScopeParser(file).team(yaml);
    }

    private TeamScope team(String yaml) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw refused("", "not YAML: " + e.getMessage().replaceAll("\\s+", " ").trim());
        }
        Map<String, Object> root = map("", document, Set.of("team", "description", "sessions", "attributes", "rows", "tables", "views",
                "aggregates"));
        String team = identifier("team", root.get("team"));
        if (!Path.of(file).getFileName().toString().equals(team + ".yaml")) {
            throw refused("team", "team '" + team + "' must be defined in " + team + ".yaml");
        }
        if (RESERVED_TEAMS.contains(team) || team.startsWith("pg_")) {
            throw refused("team", "'" + team + "' is reserved");
        }
        String description = text("description", root.get("description"));
        Sessions sessions = Sessions.ANY;
        if (root.containsKey("sessions")) {
            String code = text("sessions", root.get("sessions"));
            sessions = Sessions.ofCode(code).orElseThrow(() -> refused("sessions", "unknown value '" + code + "' (known: any, replica-only)"));
        }
        Map<String, String> attributes = new TreeMap<>();
        if (root.containsKey("attributes")) {
            map("attributes", root.get("attributes"), null).forEach((name, meaning) ->
                    attributes.put(identifier("attributes", name), text("attributes." + name, meaning)));
        }
        Optional<RowLimit> rows = root.containsKey("rows") ? Optional.of(rowLimit(root.get("rows"), attributes)) : Optional.empty();
        Set<String> names = new HashSet<>();
        List<TableScope> tables = new ArrayList<>();
        if (root.containsKey("tables")) {
            map("tables", root.get("tables"), null).forEach((name, definition) -> {
                String field = "tables." + name;
                tables.add(table(field, identifier(field, name), definition));
                unique(names, field, name);
            });
        }
        for (TableScope table : tables) {
            checkRows(team, rows, table, tables);
        }
        List<ViewScope> views = new ArrayList<>();
        if (root.containsKey("views")) {
            map("views", root.get("views"), null).forEach((name, definition) -> {
                String field = "views." + name;
                Map<String, Object> view = map(field, definition, Set.of("description", "columns", "sql"));
                List<String> columns = columns(field + ".columns", view.get("columns"));
                views.add(new ViewScope(identifier(field, name), text(field + ".description", view.get("description")), columns,
                        query(field + ".sql", view.get("sql"))));
                unique(names, field, name);
                rows.ifPresent(limit -> requireColumn(field + ".columns", columns, limit));
            });
        }
        List<AggregateScope> aggregates = new ArrayList<>();
        if (root.containsKey("aggregates")) {
            map("aggregates", root.get("aggregates"), null).forEach((name, definition) -> {
                String field = "aggregates." + name;
                Map<String, Object> aggregate = map(field, definition, Set.of("description", "key", "columns", "sql"));
                List<String> columns = columns(field + ".columns", aggregate.get("columns"));
                List<String> key = subset(field + ".key", aggregate.get("key"), columns, "the aggregate's columns", true);
                aggregates.add(new AggregateScope(identifier(field, name), text(field + ".description", aggregate.get("description")),
                        key, columns, query(field + ".sql", aggregate.get("sql"))));
                unique(names, field, name);
                rows.ifPresent(limit -> requireColumn(field + ".columns", columns, limit));
            });
        }
        if (names.isEmpty()) {
            throw refused("tables", "a scope reads at least one table");
        }
        return new TeamScope(team, description, sessions, new TreeMap<>(attributes), rows, tables, views, aggregates);
    }

    private RowLimit rowLimit(Object definition, Map<String, String> attributes) {
        Map<String, Object> limit = map("rows", definition, Set.of("column", "equals-attribute"));
        String attribute = identifier("rows.equals-attribute", limit.get("equals-attribute"));
        if (!attributes.containsKey(attribute)) {
            throw refused("rows.equals-attribute", "'" + attribute + "' is not among the team's attributes");
        }
        return new RowLimit(identifier("rows.column", limit.get("column")), attribute);
    }

    private TableScope table(String field, String name, Object definition) {
        Map<String, Object> table = map(field, definition,
                Set.of("key", "columns", "masked", "insert", "update", "delete", "status-change", "rows-follow"));
        List<String> columns = columns(field + ".columns", table.get("columns"));
        List<String> key = subset(field + ".key", table.get("key"), columns, "the table's columns", true);
        List<MaskedColumn> masked = new ArrayList<>();
        if (table.containsKey("masked")) {
            map(field + ".masked", table.get("masked"), null).forEach((maskedName, maskDefinition) -> {
                String maskField = field + ".masked." + maskedName;
                Map<String, Object> mask = map(maskField, maskDefinition, Set.of("column", "mask"));
                String column = identifier(maskField + ".column", mask.get("column"));
                if (columns.contains(column)) {
                    throw refused(maskField + ".column", "'" + column + "' is also read unmasked in " + field + ".columns");
                }
                String code = text(maskField + ".mask", mask.get("mask"));
                Mask kind = Mask.ofCode(code).orElseThrow(() -> refused(maskField + ".mask", "unknown mask '" + code + "' (known: keyed-hash)"));
                if (key.size() != 1) {
                    throw refused(maskField, "a masked column needs a table with a one-column key, to find its row by");
                }
                String exposed = identifier(maskField, maskedName);
                if (columns.contains(exposed)) {
                    throw refused(maskField, "'" + exposed + "' is already a column of " + field);
                }
                masked.add(new MaskedColumn(exposed, column, kind));
            });
        }
        List<String> insert = subset(field + ".insert", table.get("insert"), columns, "the table's columns", false);
        List<String> update = subset(field + ".update", table.get("update"), columns, "the table's columns", false);
        boolean neverDeleted = false;
        if (table.containsKey("delete")) {
            if (!"never".equals(table.get("delete"))) {
                throw refused(field + ".delete", "the only value is 'never' (no team deletes rows)");
            }
            neverDeleted = true;
        }
        Optional<StatusChange> statusChange = Optional.empty();
        if (table.containsKey("status-change")) {
            String changeField = field + ".status-change";
            if (!name.equals("orders") || !update.equals(List.of("status"))) {
                throw refused(changeField, "is recorded for orders whose update is [status] only (a fulfilment transaction and an order event)");
            }
            Map<String, Object> change = map(changeField, table.get("status-change"), Set.of("from", "to"));
            List<String> to = list(changeField + ".to", change.get("to"));
            for (String status : to) {
                if (!FULFILMENT_STATUSES.contains(status)) {
                    throw refused(changeField + ".to", "'" + status + "' is not a status storage records (fulfilled, cancelled)");
                }
            }
            if (to.isEmpty()) {
                throw refused(changeField + ".to", "names at least one status");
            }
            statusChange = Optional.of(new StatusChange(identifier(changeField + ".from", change.get("from")), to));
        } else if (name.equals("orders") && update.contains("status")) {
            throw refused(field + ".update", "an order's status changes only with status-change, so that it is recorded");
        }
        Optional<RowsFollow> rowsFollow = Optional.empty();
        if (table.containsKey("rows-follow")) {
            Map<String, Object> follow = map(field + ".rows-follow", table.get("rows-follow"), Set.of("table", "by"));
            String by = identifier(field + ".rows-follow.by", follow.get("by"));
            if (!columns.contains(by)) {
                throw refused(field + ".rows-follow.by", "'" + by + "' is not among the table's columns");
            }
            rowsFollow = Optional.of(new RowsFollow(identifier(field + ".rows-follow.table", follow.get("table")), by));
        }
        return new TableScope(name, key, columns, masked, insert, update, statusChange, neverDeleted, rowsFollow);
    }

    /** In a row-limited team, every table shows the limiting column or follows a table that does. */
    private void checkRows(String team, Optional<RowLimit> rows, TableScope table, List<TableScope> tables) {
        String field = "tables." + table.name();
        if (table.rowsFollow().isPresent()) {
            RowsFollow follow = table.rowsFollow().get();
            if (rows.isEmpty()) {
                throw refused(field + ".rows-follow", "the team '" + team + "' has no rows limit to follow");
            }
            TableScope followed = tables.stream().filter(other -> other.name().equals(follow.table())).findFirst()
                    .orElseThrow(() -> refused(field + ".rows-follow.table", "'" + follow.table() + "' is not a table of this scope"));
            if (!followed.columns().contains(rows.get().column())) {
                throw refused(field + ".rows-follow.table", "'" + follow.table() + "' has no " + rows.get().column() + " column to limit its rows by");
            }
            if (followed.key().size() != 1) {
                throw refused(field + ".rows-follow.table", "'" + follow.table() + "' needs a one-column key to be followed");
            }
        } else {
            rows.ifPresent(limit -> requireColumn(field + ".columns", table.columns(), limit));
        }
    }

    private void requireColumn(String field, List<String> columns, RowLimit limit) {
        if (!columns.contains(limit.column())) {
            throw refused(field, "the team's rows are limited by " + limit.column() + ": show that column"
                    + (field.startsWith("tables.") ? " or give rows-follow" : ""));
        }
    }

    private String query(String field, Object value) {
        String sql = text(field, value).strip();
        if (sql.contains(";")) {
            throw refused(field, "one SELECT, without ';'");
        }
        if (sql.contains("${")) {
            throw refused(field, "'${' is kept for the migration's placeholders");
        }
        if (!sql.regionMatches(true, 0, "SELECT", 0, 6) && !sql.regionMatches(true, 0, "WITH", 0, 4)) {
            throw refused(field, "must be a SELECT");
        }
        Matcher foreign = FOREIGN_SCHEMA.matcher(sql);
        if (foreign.find()) {
            throw refused(field, "reads " + foreign.group(1) + ": a team's SQL reads only its own schema's views");
        }
        return sql;
    }

    private List<String> columns(String field, Object value) {
        List<String> columns = list(field, value);
        if (columns.isEmpty()) {
            throw refused(field, "names at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            unique(seen, field, column);
        }
        return columns;
    }

    private List<String> subset(String field, Object value, List<String> of, String ofWhat, boolean required) {
        if (value == null && !required) {
            return List.of();
        }
        List<String> names = list(field, value);
        if (required && names.isEmpty()) {
            throw refused(field, "names at least one column");
        }
        for (String name : names) {
            if (!of.contains(name)) {
                throw refused(field, "'" + name + "' is not among " + ofWhat);
            }
        }
        return names;
    }

    private List<String> list(String field, Object value) {
        if (!(value instanceof List<?> items)) {
            throw refused(field, value == null ? "is missing" : "must be a list");
        }
        return items.stream().map(item -> identifier(field, item)).toList();
    }

    private void unique(Set<String> seen, String field, String name) {
        if (!seen.add(name)) {
            throw refused(field, "'" + name + "' appears twice");
        }
    }

    /** The mapping at {@code field}, with only the {@code allowed} keys ({@code null}: any key). */
    private Map<String, Object> map(String field, Object value, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> entries)) {
            throw refused(field, value == null ? "is missing" : "must be a mapping");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            String name = String.valueOf(key);
            if (allowed != null && !allowed.contains(name)) {
                throw refused(field.isEmpty() ? name : field + "." + name, "unknown field (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            map.put(name, entry);
        });
        return map;
    }

    private String identifier(String field, Object value) {
        String name = text(field, value);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw refused(field, "'" + name + "' is not a lower-case SQL name");
        }
        return name;
    }

    private String text(String field, Object value) {
        if (!(value instanceof String string) || string.isBlank()) {
            throw refused(field, value == null ? "is missing" : "must be text");
        }
        return string;
    }

    private ScopeDefinitionException refused(String field, String problem) {
        return new ScopeDefinitionException(file + (field.isEmpty() ? "" : ": " + field) + ": " + problem.replaceAll("\\s+", " "));
    }
}
