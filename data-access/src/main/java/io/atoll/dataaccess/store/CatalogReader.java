package io.atoll.dataaccess.store;

import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.audit.FactKind;
import io.atoll.dataaccess.domain.audit.GovernedFact;
import io.atoll.dataaccess.domain.audit.GovernedState;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.StringJoiner;

import static java.util.Objects.requireNonNull;

/**
 * Reads from PostgreSQL's catalog what the scope definition decides about a database: the team roles, what they and
 * the logins they are granted to (people) hold on every object of the database in every schema, row security and
 * policies on every table, and the triggers, relations and routines of the teams' schemas and of data-access's own.
 * Storage's own roles and objects are read only as far as a team or a person holds a right on them.
 */
public final class CatalogReader {
    private static final String SCHEMAS = """
            schemas AS (SELECT oid, nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')
                AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%')""";
    private static final String GRANTEES = """
            teams AS (SELECT oid, rolname FROM pg_roles WHERE rolname = ANY (?)),
            grantees AS (SELECT oid, rolname FROM teams UNION SELECT m.oid, m.rolname FROM pg_auth_members a
                JOIN pg_roles m ON m.oid = a.member WHERE a.roleid IN (SELECT oid FROM teams))""";
    private static final String ROLES = "WITH " + GRANTEES + """

            SELECT g.rolname, g.oid IN (SELECT oid FROM teams) AS team, r.rolcanlogin, r.rolsuper, r.rolcreatedb,
                r.rolcreaterole, r.rolreplication, r.rolbypassrls, r.rolinherit
            FROM grantees g JOIN pg_roles r ON r.oid = g.oid""";
    private static final String MEMBERSHIPS = "WITH " + GRANTEES + """

            SELECT t.rolname AS team, r.rolname AS role, a.admin_option FROM pg_auth_members a
            JOIN teams t ON t.oid = a.member JOIN pg_roles r ON r.oid = a.roleid""";
    private static final String PRIVILEGES = "WITH " + GRANTEES + ", " + SCHEMAS + """

            SELECT g.rolname AS grantee, p.privilege_type, o.kind, o.object, bool_or(p.is_grantable) AS grantable
            FROM (
                SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                        WHEN 'f' THEN 'foreign table' ELSE 'table' END AS kind,
                    s.nspname || '.' || c.relname AS object, c.relacl AS acl
                FROM pg_class c JOIN schemas s ON s.oid = c.relnamespace WHERE c.relacl IS NOT NULL
                UNION ALL
                SELECT 'column', s.nspname || '.' || c.relname || '.' || a.attname, a.attacl
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN schemas s ON s.oid = c.relnamespace
                WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL
                SELECT CASE f.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                    s.nspname || '.' || f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')', f.proacl
                FROM pg_proc f JOIN schemas s ON s.oid = f.pronamespace WHERE f.proacl IS NOT NULL
                UNION ALL
                SELECT 'schema', s.nspname, n.nspacl FROM pg_namespace n JOIN schemas s ON s.oid = n.oid WHERE n.nspacl IS NOT NULL
                UNION ALL
                SELECT 'database', d.datname, d.datacl FROM pg_database d WHERE d.datname = current_database() AND d.datacl IS NOT NULL
            ) o CROSS JOIN LATERAL aclexplode(o.acl) p JOIN grantees g ON g.oid = p.grantee
            GROUP BY 1, 2, 3, 4""";
    private static final String ROW_SECURITY = "WITH " + SCHEMAS + """

            SELECT s.nspname || '.' || c.relname AS relation, c.relrowsecurity, c.relforcerowsecurity
            FROM pg_class c JOIN schemas s ON s.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity)""";
    private static final String POLICIES = "WITH " + SCHEMAS + """

            SELECT p.schemaname || '.' || p.tablename AS relation, p.policyname, p.permissive, array_to_string(p.roles, ', ') AS roles,
                p.cmd, p.qual, p.with_check
            FROM pg_policies p WHERE p.schemaname IN (SELECT nspname FROM schemas)""";
    /** Data-access's triggers: those it names after itself on storage's tables, and every one in its own schemas. */
    private static final String TRIGGERS = """
            SELECT n.nspname || '.' || c.relname AS relation, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) AS definition
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND (t.tgname LIKE 'data\\_access\\_%' OR n.nspname = ANY (?))""";
    private static final String RELATIONS = """
            SELECT n.nspname || '.' || c.relname AS relation, c.relkind,
                CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition,
                array_to_string(c.reloptions, ', ') AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')""";
    /** Routines an extension brought (pgcrypto's, in data-access's schema) are the extension's, not the definition's. */
    private static final String ROUTINES = """
            SELECT n.nspname || '.' || f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')' AS routine,
                pg_get_functiondef(f.oid) AS definition
            FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace
            WHERE n.nspname = ANY (?) AND f.prokind IN ('f', 'p')
                AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = f.oid AND d.deptype = 'e')""";

    /** The attributes that lift a role above its grants, by the column that holds each. */
    private static final SortedMap<String, String> ATTRIBUTES = new TreeMap<>(Map.of("SUPERUSER", "rolsuper", "CREATEDB", "rolcreatedb",
            "CREATEROLE", "rolcreaterole", "REPLICATION", "rolreplication", "BYPASSRLS", "rolbypassrls"));

    private final List<String> teams;

    /** @param teams the teams of the definition: their roles and schemas */
    public CatalogReader(List<String> teams) {
        this.teams = List.copyOf(requireNonNull(teams, "teams is null"));
    }

    public GovernedState read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Definitions are printed with every name qualified that is not on the search path: the same for every read.
            statement.execute("SET search_path TO pg_catalog");
        }
        List<GovernedFact> facts = new ArrayList<>();
        List<String> ownSchemas = new ArrayList<>(teams);
        ownSchemas.add(PostgresScopeCompiler.PRIVATE_SCHEMA);
        try (PreparedStatement roles = prepare(connection, ROLES, teams); ResultSet row = roles.executeQuery()) {
            while (row.next()) {
                role(row).ifPresent(facts::add);
            }
        }
        try (PreparedStatement memberships = prepare(connection, MEMBERSHIPS, teams); ResultSet row = memberships.executeQuery()) {
            while (row.next()) {
                facts.add(new GovernedFact(FactKind.MEMBERSHIP, row.getString("team") + " in " + row.getString("role"),
                        row.getBoolean("admin_option") ? "member with admin option" : "member"));
            }
        }
        try (PreparedStatement privileges = prepare(connection, PRIVILEGES, teams); ResultSet row = privileges.executeQuery()) {
            while (row.next()) {
                facts.add(new GovernedFact(FactKind.PRIVILEGE, row.getString("grantee") + " " + row.getString("privilege_type") + " on "
                        + row.getString("kind") + " " + row.getString("object"),
                        row.getBoolean("grantable") ? "granted with grant option" : "granted"));
            }
        }
        try (PreparedStatement rowSecurity = connection.prepareStatement(ROW_SECURITY); ResultSet row = rowSecurity.executeQuery()) {
            while (row.next()) {
                facts.add(new GovernedFact(FactKind.ROW_SECURITY, row.getString("relation"),
                        (row.getBoolean("relrowsecurity") ? "enabled" : "disabled") + (row.getBoolean("relforcerowsecurity") ? ", forced" : "")));
            }
        }
        try (PreparedStatement policies = connection.prepareStatement(POLICIES); ResultSet row = policies.executeQuery()) {
            while (row.next()) {
                facts.add(new GovernedFact(FactKind.POLICY, row.getString("relation") + " " + row.getString("policyname"), policy(row)));
            }
        }
        try (PreparedStatement triggers = prepare(connection, TRIGGERS, teams); ResultSet row = triggers.executeQuery()) {
            while (row.next()) {
                facts.add(new GovernedFact(FactKind.TRIGGER, row.getString("relation") + " " + row.getString("tgname"),
                        firing(row.getString("tgenabled")) + ": " + row.getString("definition")));
            }
        }
        try (PreparedStatement relations = prepare(connection, RELATIONS, ownSchemas); ResultSet row = relations.executeQuery()) {
            while (row.next()) {
                facts.add(new GovernedFact(FactKind.RELATION, row.getString("relation"), relation(row)));
            }
        }
        try (PreparedStatement routines = prepare(connection, ROUTINES, ownSchemas); ResultSet row = routines.executeQuery()) {
            while (row.next()) {
                facts.add(new GovernedFact(FactKind.ROUTINE, row.getString("routine"), row.getString("definition")));
            }
        }
        return new GovernedState(facts);
    }

    /**
     * A team role's attributes, always; a person's login only when it holds an attribute beyond logging in, since which
     * people exist is decided by granting, not by the definition.
     */
    private static Optional<GovernedFact> role(ResultSet row) throws SQLException {
        boolean team = row.getBoolean("team");
        StringJoiner held = new StringJoiner(" ");
        if (team && row.getBoolean("rolcanlogin")) {
            held.add("LOGIN");
        }
        for (Map.Entry<String, String> attribute : ATTRIBUTES.entrySet()) {
            if (row.getBoolean(attribute.getValue())) {
                held.add(attribute.getKey());
            }
        }
        if (team && !row.getBoolean("rolinherit")) {
            held.add("NOINHERIT");
        }
        if (!team && held.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new GovernedFact(FactKind.ROLE, (team ? "team " : "login ") + row.getString("rolname"),
                held.length() == 0 ? "no attributes" : held.toString()));
    }

    private static String policy(ResultSet row) throws SQLException {
        StringBuilder policy = new StringBuilder(row.getString("permissive")).append(" FOR ").append(row.getString("cmd"))
                .append(" TO ").append(row.getString("roles"));
        if (row.getString("qual") != null) {
            policy.append(" USING (").append(row.getString("qual")).append(')');
        }
        if (row.getString("with_check") != null) {
            policy.append(" WITH CHECK (").append(row.getString("with_check")).append(')');
        }
        return policy.toString();
    }

    private static String firing(String enabled) {
        return switch (enabled) {
            case "O" -> "enabled";
            case "D" -> "disabled";
            case "R" -> "enabled on replicas only";
            case "A" -> "always enabled";
            default -> "firing '" + enabled + "'";
        };
    }

    private static String relation(ResultSet row) throws SQLException {
        String kind = switch (row.getString("relkind")) {
            case "v" -> "view";
            case "m" -> "materialized view";
            case "S" -> "sequence";
            case "f" -> "foreign table";
            default -> "table";
        };
        String options = row.getString("options");
        String definition = row.getString("definition");
        return kind + (options == null || options.isEmpty() ? "" : " with (" + options + ")") + (definition == null ? "" : ": " + definition);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<String> names) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Array array = connection.createArrayOf("text", names.toArray());
        statement.setArray(1, array);
        return statement;
    }
}
