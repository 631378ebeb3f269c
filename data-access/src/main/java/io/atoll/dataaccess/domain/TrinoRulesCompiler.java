package io.atoll.dataaccess.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Compiles the scopes into Trino's file-based access control rules (a system-level {@code rules.json}), for the
 * Trino that reads each cell's read replica through a PostgreSQL catalog.
 *
 * <p>Trino reads the teams' PostgreSQL views, so masks are already applied below it; what only Trino can do is tell
 * people apart, since its catalog logs in to PostgreSQL as one role. So the rules give each team's group its own
 * schema, read-only, and every relation of a row-limited team a row filter of the same meaning as the PostgreSQL
 * policy, reading the person's attribute through {@value #ATTRIBUTE_READER}, a Trino identity that may read the
 * attributes and nothing a person uses. Masked columns also carry a Trino mask that lets through only what a mask
 * can have made, in depth: a view changed by hand to show the value would show nothing through Trino.
 */
public final class TrinoRulesCompiler {
    /** The Trino user row filters run their subqueries as. */
    public static final String ATTRIBUTE_READER = "data-access";
    private static final Pattern CATALOG = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> catalogs;

    private TrinoRulesCompiler(List<String> catalogs) {
        this.catalogs = List.copyOf(catalogs);
        if (this.catalogs.isEmpty()) {
            throw new IllegalArgumentException("at least one catalog is needed");
        }
        for (String catalog : this.catalogs) {
            if (!CATALOG.matcher(requireNonNull(catalog, "catalog is null")).matches()) {
                throw new IllegalArgumentException("catalog '" + catalog + "' is not a lower-case Trino name");
            }
        }
    }

    /** @param catalogs the PostgreSQL catalogs of the cells' replicas, e.g. {@code core_eu_west_1} */
    public static String compile(Scopes scopes, List<String> catalogs) {
        return new TrinoRulesCompiler(catalogs).rules(scopes);
    }

    private String rules(Scopes scopes) {
        String anyCatalog = catalogs.stream().collect(Collectors.joining("|", "(", ")"));
        List<Map<String, Object>> catalogRules = new ArrayList<>();
        List<Map<String, Object>> schemaRules = new ArrayList<>();
        List<Map<String, Object>> tableRules = new ArrayList<>();
        boolean anyRowLimit = scopes.teams().stream().anyMatch(team -> team.rows().isPresent());
        if (anyRowLimit) {
            catalogRules.add(rule("user", ATTRIBUTE_READER, "catalog", anyCatalog, "allow", "read-only"));
            tableRules.add(rule("user", ATTRIBUTE_READER, "catalog", anyCatalog, "schema", PostgresScopeCompiler.PRIVATE_SCHEMA,
                    "table", "user_attributes", "privileges", List.of("SELECT")));
            for (TeamScope team : scopes.teams()) {
                if (team.rows().isPresent()) {
                    // Trino checks a row filter's columns as the filter's identity would read them: so the reader reads
                    // every relation the filter is on (views and aggregates too), not only those its subqueries read.
                    tableRules.add(rule("user", ATTRIBUTE_READER, "catalog", anyCatalog, "schema", team.team(), "table",
                            String.join("|", team.relations().keySet()), "privileges", List.of("SELECT")));
                }
            }
        }
        for (TeamScope team : scopes.teams()) {
            // The catalogs are read replicas: whatever a team writes, it writes on the primary, not through Trino.
            catalogRules.add(rule("group", team.team(), "catalog", anyCatalog, "allow", "read-only"));
            schemaRules.add(rule("group", team.team(), "catalog", anyCatalog, "schema", team.team(), "owner", false));
            for (String catalog : catalogs) {
                team.relations().forEach((relation, columns) -> tableRules.add(tableRule(team, catalog, relation, columns)));
            }
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("catalogs", catalogRules);
        rules.put("schemas", schemaRules);
        rules.put("tables", tableRules);
        try {
            return JSON.writeValueAsString(rules) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules cannot be written as JSON", e);
        }
    }

    private Map<String, Object> tableRule(TeamScope team, String catalog, String relation, List<String> columns) {
        Optional<TableScope> table = team.table(relation);
        List<Map<String, Object>> columnRules = new ArrayList<>();
        for (String column : columns) {
            Optional<MaskedColumn> masked = table.flatMap(scope -> scope.masked().stream().filter(mask -> mask.name().equals(column)).findFirst());
            columnRules.add(masked.map(mask -> rule("name", column, "mask", mask(mask))).orElseGet(() -> rule("name", column)));
        }
        Map<String, Object> rule = rule("group", team.team(), "catalog", catalog, "schema", team.team(),
                "table", relation, "privileges", List.of("SELECT"), "columns", columnRules);
        team.rows().ifPresent(limit -> {
            rule.put("filter", table.flatMap(TableScope::rowsFollow)
                    .map(follow -> followFilter(team, catalog, follow, limit))
                    .orElseGet(() -> attributeFilter(catalog, limit)));
            rule.put("filter_environment", rule("user", ATTRIBUTE_READER));
        });
        return rule;
    }

    private static String mask(MaskedColumn masked) {
        return switch (masked.mask()) {
            case KEYED_HASH -> "CASE WHEN regexp_like(" + masked.name() + ", '^[0-9a-f]{64}$') THEN " + masked.name() + " END";
        };
    }

    /** Same meaning as the PostgreSQL policy; {@code current_user} is the person querying, the subquery runs as the reader. */
    private static String attributeFilter(String catalog, RowLimit limit) {
        return limit.column() + " = (SELECT value FROM " + catalog + "." + PostgresScopeCompiler.PRIVATE_SCHEMA
                + ".user_attributes WHERE login = current_user AND attribute = '" + limit.attribute() + "')";
    }

    private static String followFilter(TeamScope team, String catalog, RowsFollow follow, RowLimit limit) {
        String key = team.table(follow.table()).orElseThrow().key().get(0);
        return follow.by() + " IN (SELECT " + key + " FROM " + catalog + "." + team.team() + "." + follow.table() + " WHERE "
                + attributeFilter(catalog, limit) + ")";
    }

    /** A JSON object of the given names and values, in that order. */
    private static Map<String, Object> rule(Object... namesAndValues) {
        Map<String, Object> rule = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            rule.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return rule;
    }
}
