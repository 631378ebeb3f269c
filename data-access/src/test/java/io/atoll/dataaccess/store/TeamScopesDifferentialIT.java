package io.atoll.dataaccess.store;

import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.RepositoryScopes;
import io.atoll.dataaccess.TeamPeopleFixture;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.TeamScope;
import io.atoll.dataaccess.domain.TrinoRulesCompiler;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.atoll.testing.TestTrino;
import io.atoll.testing.TrinoTestCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

import static io.atoll.dataaccess.TeamPeopleFixture.EU_ORDER;
import static io.atoll.dataaccess.TeamPeopleFixture.US_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same person asks PostgreSQL (as their own login, read-only as on the replica Trino reads) and Trino (over
 * trino-jdbc and HTTPS, with their password, through a catalog of the same database under the compiled rules) the
 * same questions, and both engines answer alike: the same rows, the same masked values, and the same refusals.
 *
 * <p>The probes are data: every relation of the team's scope whole, counted and column by column; writes to each
 * (refused: Trino's catalogs are read-only replicas); every relation outside the scope, other teams' and storage's
 * own tables (refused); and questions a team asks, with filters, joins and aggregates.
 */
class TeamScopesDifferentialIT {
    private static final int MINIMUM_PROBES = 50;
    private static final String PASSWORD = "differential-probe-password";
    /** Storage's tables a team's views read: a team reads them only as its scope says, and Trino not at all. */
    private static final List<String> BASE_TABLES = List.of("members", "membership_history", "items", "orders", "order_items",
            "fulfilment_transactions", "outbox_events", "jobs");
    /** This layer's own relations: no team reads them through either engine. */
    private static final List<String> PRIVATE_RELATIONS = List.of("data_access.user_attributes", "data_access.masking_key",
            "data_access.logistics__daily_orders", "data_access.data_access_schema_history");

    /** Questions each team asks of its own relations, as both engines take them. */
    private static final Map<String, List<String>> QUESTIONS = Map.of(
            "logistics", List.of(
                    "SELECT id, status FROM logistics.orders WHERE status = 'placed'",
                    "SELECT id FROM logistics.orders WHERE id = UUID '" + EU_ORDER + "'",
                    "SELECT id FROM logistics.orders WHERE id = UUID '" + US_ORDER + "'",
                    "SELECT warehouse_region, count(*) FROM logistics.orders GROUP BY warehouse_region",
                    "SELECT destination_country, count(*) FROM logistics.orders GROUP BY destination_country HAVING count(*) > 0",
                    "SELECT o.id, i.line_number, i.sku, i.quantity * i.unit_weight_grams FROM logistics.orders o"
                            + " JOIN logistics.order_items i ON i.order_id = o.id",
                    "SELECT o.id, count(i.line_number) FROM logistics.orders o LEFT JOIN logistics.order_items i ON i.order_id = o.id GROUP BY o.id",
                    "SELECT order_id, sum(quantity), max(unit_weight_grams), min(line_number) FROM logistics.order_items GROUP BY order_id",
                    "SELECT order_id, total_weight_grams FROM logistics.order_details WHERE total_weight_grams > 500",
                    "SELECT order_id, line_count, item_count FROM logistics.order_details ORDER BY order_id LIMIT 1",
                    "SELECT sum(total_weight_grams), sum(item_count) FROM logistics.order_details",
                    "SELECT d.order_id, d.total_weight_grams, o.currency FROM logistics.order_details d JOIN logistics.orders o ON o.id = d.order_id",
                    "SELECT day, warehouse_region, placed, open, fulfilled, cancelled FROM logistics.daily_orders",
                    "SELECT sum(placed) FROM logistics.daily_orders",
                    "SELECT count(*) FROM logistics.order_items WHERE order_id IN (SELECT id FROM logistics.orders WHERE destination_country = 'FR')",
                    "SELECT lower(name), length(sku) FROM logistics.order_items WHERE sku LIKE 'G%' OR sku LIKE 'B%'",
                    "SELECT CASE WHEN quantity > 1 THEN 'many' ELSE 'one' END, count(*) FROM logistics.order_items GROUP BY 1"),
            "sales", List.of(
                    "SELECT sku, name FROM sales.items WHERE is_active",
                    "SELECT currency, count(*), min(price), max(price) FROM sales.items GROUP BY currency",
                    "SELECT sku FROM sales.items WHERE price > 20 AND weight_grams < 1000",
                    "SELECT sku, sum(quantity) FROM sales.order_items GROUP BY sku",
                    "SELECT sum(quantity * unit_price) FROM sales.order_items",
                    "SELECT i.sku, i.name, l.quantity FROM sales.items i JOIN sales.order_items l ON l.sku = i.sku",
                    "SELECT i.sku FROM sales.items i WHERE NOT EXISTS (SELECT 1 FROM sales.order_items l WHERE l.sku = i.sku)",
                    "SELECT sku, units_sold, revenue FROM sales.item_sales WHERE units_sold > 0",
                    "SELECT sum(units_sold), sum(revenue) FROM sales.item_sales",
                    "SELECT sku, revenue FROM sales.item_sales ORDER BY revenue DESC, sku LIMIT 3",
                    "SELECT count(*) FROM sales.item_sales WHERE is_active = false",
                    "SELECT s.sku, s.units_sold, i.price FROM sales.item_sales s JOIN sales.items i ON i.sku = s.sku WHERE s.units_sold > 0",
                    "SELECT order_id, count(*) FROM sales.order_items GROUP BY order_id HAVING count(*) > 1",
                    "SELECT substr(sku, 1, 3), count(*) FROM sales.items GROUP BY 1"),
            "analytics", List.of(
                    "SELECT id, email_hash FROM analytics.members",
                    "SELECT email_hash FROM analytics.members WHERE id = '" + TeamPeopleFixture.EU_MEMBER + "'",
                    "SELECT count(DISTINCT email_hash), count(*) FROM analytics.members",
                    "SELECT length(email_hash), count(*) FROM analytics.members GROUP BY 1",
                    "SELECT m.email_hash, count(o.id) FROM analytics.members m LEFT JOIN analytics.orders o ON o.member_id = m.id GROUP BY m.email_hash",
                    "SELECT tier, status, count(*) FROM analytics.members GROUP BY tier, status",
                    "SELECT home_cell, count(*) FROM analytics.members GROUP BY home_cell",
                    "SELECT warehouse_region, currency, count(*) FROM analytics.orders GROUP BY warehouse_region, currency",
                    "SELECT o.warehouse_region, sum(i.quantity * i.unit_price) FROM analytics.orders o JOIN analytics.order_items i"
                            + " ON i.order_id = o.id GROUP BY o.warehouse_region",
                    "SELECT h.member_id, h.tier FROM analytics.membership_history h JOIN analytics.members m ON m.id = h.member_id",
                    "SELECT count(*) FROM analytics.fulfilment_transactions",
                    "SELECT sku, weight_grams FROM analytics.items WHERE is_active AND weight_grams BETWEEN 100 AND 400",
                    "SELECT i.sku, sum(l.quantity) FROM analytics.items i JOIN analytics.order_items l ON l.sku = i.sku GROUP BY i.sku",
                    "SELECT member_id, count(*) FROM analytics.orders GROUP BY member_id"));

    private static final Scopes SCOPES = RepositoryScopes.load();
    private static PostgresDatabase database;
    private static TeamPeopleFixture people;
    private static TestTrino trino;
    private static TrinoTestCatalog catalog;
    private static Map<String, List<String>> baseColumns;
    /** Each person's team, by login. */
    private static Map<String, String> teams;

    @BeforeAll
    static void prepareBothEngines() throws SQLException {
        database = CoreDatabaseFixture.create("data_access_differential");
        people = TeamPeopleFixture.create(database);
        baseColumns = columnsOf(BASE_TABLES);
        trino = TestServers.trino();
        catalog = trino.createCatalog("core_differential", database);
        trino.writeRules(TrinoRulesCompiler.compile(SCOPES, List.of(catalog.name())));
        teams = new LinkedHashMap<>();
        teams.put(people.euLogistics(), "logistics");
        teams.put(people.usLogistics(), "logistics");
        teams.put(people.logisticsWithoutRegion(), "logistics");
        teams.put(people.of("sales"), "sales");
        teams.put(people.of("analytics"), "analytics");
        teams.forEach((login, team) -> trino.grant(login, PASSWORD, team));
        awaitTrinoTakesTheRulesAndLogins();
    }

    @AfterAll
    static void dropEverything() throws SQLException {
        if (people != null) {
            people.logins().forEach(trino::revoke);
            people.drop();
        }
        if (catalog != null) {
            catalog.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyProbeAnswersAlikeThroughPostgresqlAndTrino() throws SQLException {
        Map<String, String> persons = new LinkedHashMap<>();
        persons.put("logistics", people.euLogistics());
        persons.put("logistics (us-east-1)", people.usLogistics());
        persons.put("logistics (no region)", people.logisticsWithoutRegion());
        persons.put("sales", people.of("sales"));
        persons.put("analytics", people.of("analytics"));

        List<String> differences = new ArrayList<>();
        Map<String, String> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> person : persons.entrySet()) {
            String team = person.getKey().split(" ")[0];
            List<Probe> probes = probes(scopeOf(team));
            int refusals = 0;
            int rows = 0;
            try (Connection postgres = postgresAs(person.getValue()); Connection trinoConnection = trinoAs(person.getValue())) {
                for (Probe probe : probes) {
                    Outcome inPostgres = Outcome.of(postgres, probe.sql());
                    Outcome inTrino = Outcome.of(trinoConnection, probe.sql());
                    if (!inPostgres.equals(inTrino)) {
                        differences.add(person.getKey() + ": " + probe.sql() + "\n    PostgreSQL: " + inPostgres + "\n    Trino:      " + inTrino);
                    } else if (inPostgres.refused() != probe.refused()) {
                        differences.add(person.getKey() + ": " + probe.sql() + " should be " + (probe.refused() ? "refused" : "answered")
                                + " and both engines said " + inPostgres);
                    }
                    refusals += inPostgres.refused() ? 1 : 0;
                    rows += inPostgres.rows().size();
                }
            }
            counts.put(person.getKey(), probes.size() + " probes (" + refusals + " refused in both, " + rows + " rows compared)");
            assertThat(probes).as("probes for " + person.getKey()).hasSizeGreaterThanOrEqualTo(MINIMUM_PROBES);
        }
        counts.forEach((person, count) -> System.out.println("TeamScopesDifferentialIT: " + person + ": " + count));
        assertThat(differences).as("differences between PostgreSQL and Trino").isEmpty();
    }

    @Test
    void theMaskedEmailIsTheSameKeyedHashInBothEnginesAndNeverTheAddress() throws SQLException {
        String sql = "SELECT id, email_hash FROM analytics.members";
        String analytics = people.of("analytics");
        try (Connection postgres = postgresAs(analytics); Connection trinoConnection = trinoAs(analytics)) {
            Outcome inPostgres = Outcome.of(postgres, sql);
            assertThat(inPostgres.rows()).hasSize(2).allSatisfy(row -> assertThat(row.get(1)).matches("[0-9a-f]{64}"));
            assertThat(Outcome.of(trinoConnection, sql)).isEqualTo(inPostgres);
        }
    }

    /** What the team's person is asked, generated from the scope files and {@link #QUESTIONS}. */
    private static List<Probe> probes(TeamScope team) {
        List<Probe> probes = new ArrayList<>();
        team.relations().forEach((name, columns) -> {
            String relation = team.team() + "." + name;
            probes.add(Probe.read("SELECT * FROM " + relation));
            probes.add(Probe.read("SELECT count(*) FROM " + relation));
            columns.forEach(column -> probes.add(Probe.read("SELECT " + column + " FROM " + relation)));
            String column = columns.get(0);
            probes.add(Probe.refusal("INSERT INTO " + relation + " (" + column + ") SELECT " + column + " FROM " + relation + " WHERE 1 = 0"));
            probes.add(Probe.refusal("UPDATE " + relation + " SET " + column + " = " + column + " WHERE 1 = 0"));
            probes.add(Probe.refusal("DELETE FROM " + relation + " WHERE 1 = 0"));
        });
        QUESTIONS.get(team.team()).forEach(sql -> probes.add(Probe.read(sql)));
        for (TeamScope other : SCOPES.teams()) {
            if (!other.team().equals(team.team())) {
                other.relations().keySet().forEach(name -> probes.add(Probe.refusal("SELECT count(*) FROM " + other.team() + "." + name)));
            }
        }
        PRIVATE_RELATIONS.forEach(relation -> probes.add(Probe.refusal("SELECT count(*) FROM " + relation)));
        // PostgreSQL lets a team read the columns its views show straight from the base table (its views run with
        // the reader's rights); Trino shows the team's schema only. What both refuse is every other column.
        for (String table : BASE_TABLES) {
            List<String> granted = team.table(table).map(scope -> scope.columns()).orElse(List.of());
            baseColumns.get(table).stream().filter(column -> !granted.contains(column))
                    .forEach(column -> probes.add(Probe.refusal("SELECT " + column + " FROM public." + table)));
        }
        return probes;
    }

    private static TeamScope scopeOf(String team) {
        return SCOPES.teams().stream().filter(scope -> scope.team().equals(team)).findFirst().orElseThrow();
    }

    private static Map<String, List<String>> columnsOf(List<String> tables) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = owner.createStatement()) {
            for (String table : tables) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name = '" + table + "' ORDER BY ordinal_position")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                assertThat(names).as("columns of public." + table).isNotEmpty();
                columns.put(table, names);
            }
        }
        return columns;
    }

    /** Trino rereads its rules and password files every second: wait until each person's login and rules are in. */
    private static void awaitTrinoTakesTheRulesAndLogins() throws SQLException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (Map.Entry<String, String> person : teams.entrySet()) {
            String login = person.getKey();
            String sql = "SELECT count(*) FROM " + person.getValue() + "." + scopeOf(person.getValue()).relations().keySet().iterator().next();
            while (true) {
                try (Connection connection = trinoAs(login); Statement statement = connection.createStatement()) {
                    statement.executeQuery(sql).close();
                    break;
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    LockSupport.parkNanos(200_000_000L);
                }
            }
        }
    }

    /** As on the replica Trino's catalogs read: PostgreSQL refuses every write, whoever asks. */
    private static Connection postgresAs(String login) throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), login, "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        return connection;
    }

    private static Connection trinoAs(String login) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", login);
        properties.setProperty("password", PASSWORD);
        return DriverManager.getConnection(trino.jdbcUrl(catalog.name()), properties);
    }

    /** A statement, and whether the scope means it to be refused. */
    private record Probe(String sql, boolean refused) {
        static Probe read(String sql) {
            return new Probe(sql, false);
        }

        static Probe refusal(String sql) {
            return new Probe(sql, true);
        }
    }

    /**
     * What an engine did with a statement: its rows (sorted, each value normalised across the engines' types: numbers
     * by value, instants in UTC, identifiers as text), a refusal, or another error (a probe that is not portable).
     */
    private record Outcome(String kind, List<List<String>> rows, String error) {
        static Outcome of(Connection connection, String sql) {
            try (Statement statement = connection.createStatement()) {
                if (!statement.execute(sql)) {
                    return new Outcome("done", List.of(), "");
                }
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet result = statement.getResultSet()) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        List<String> row = new ArrayList<>();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            row.add(normalised(result, meta.getColumnType(column), column));
                        }
                        rows.add(row);
                    }
                }
                rows.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
                return new Outcome("rows", rows, "");
            } catch (SQLException e) {
                return new Outcome(refusal(e) ? "refused" : "error", List.of(), e.getMessage());
            }
        }

        boolean refused() {
            return kind.equals("refused");
        }

        /**
         * PostgreSQL: no privilege, a write in a read-only transaction, or a write to a view no one writes through;
         * Trino: its access control.
         */
        private static boolean refusal(SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String message = e.getMessage() == null ? "" : e.getMessage();
            return state.equals("42501") || state.equals("25006") || state.equals("55000") && message.contains("view")
                    || message.contains("Access Denied:");
        }

        /** Alike when the same kind with the same rows: how each engine words a refusal is its own. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Outcome outcome && kind.equals(outcome.kind) && rows.equals(outcome.rows)
                    && (!kind.equals("error") || error.equals(outcome.error));
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + rows.hashCode();
        }

        private static String normalised(ResultSet result, int type, int column) throws SQLException {
            Object value = result.getObject(column);
            if (value == null) {
                return null;
            }
            return switch (type) {
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> result.getTimestamp(column).toInstant().toString();
                case Types.DATE -> result.getDate(column).toLocalDate().toString();
                default -> value instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : value.toString();
            };
        }

        @Override
        public String toString() {
            return switch (kind) {
                case "rows" -> rows.size() + " rows " + rows;
                case "error" -> "error: " + error;
                default -> kind + " (" + error + ")";
            };
        }
    }
}
