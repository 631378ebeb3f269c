package io.atoll.dataaccess.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.RepositoryScopes;
import io.atoll.dataaccess.TeamPeopleFixture;
import io.atoll.dataaccess.domain.PostgresLoginRulesCompiler;
import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.TrinoRulesCompiler;
import io.atoll.testing.ReplicatedDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.serde.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.atoll.dataaccess.TeamPeopleFixture.EU_MEMBER;
import static io.atoll.dataaccess.TeamPeopleFixture.EU_ORDER;
import static io.atoll.dataaccess.TeamPeopleFixture.EU_ORDER_TO_MOVE;
import static io.atoll.dataaccess.TeamPeopleFixture.US_MEMBER;
import static io.atoll.dataaccess.TeamPeopleFixture.US_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compiled scopes on a real cell database (storage's migrations, then the teams'), on a primary with its streaming
 * read replica as the cells' core databases run, used by a login of each team: every operation on every table and view
 * answers as the scope files say on both servers, and the row limits, masks and writes behave as the teams need.
 * Analytics, kept to the replicas, is refused at the primary's door, so its reads are made on the replica.
 */
class TeamScopesIT {
    private static final String CELL = "eu-west-1";
    private static final List<String> TEAMS = List.of("logistics", "sales", "analytics");
    /** Analytics is kept to the replicas: the primary refuses its logins (see the test of that). */
    private static final List<String> TEAMS_ON_THE_PRIMARY = List.of("logistics", "sales");
    private static final List<String> OPERATIONS = List.of("select", "insert", "update", "delete");

    /**
     * What each team may do with each relation of the database on the primary, written from the scope files by hand:
     * select, insert, update, delete, each {@code y} (done), {@code -} (refused: no privilege) or {@code v} (refused: a
     * view no one writes through). On the replica, also {@code r} (refused: a read-only transaction). Base tables read through a team's views are still refused whole ({@code SELECT *}) where the
     * team may read only some of their columns.
     */
    private static final String EXPECTED = """
            relation                                  logistics  sales  analytics
            public.members                            ----       ----   ----
            public.membership_history                 ----       ----   y---
            public.items                              ----       yyy-   y---
            public.orders                             ----       ----   ----
            public.order_items                        ----       ----   ----
            public.fulfilment_transactions            ----       ----   ----
            public.uploads                            ----       ----   ----
            public.job_requests                       ----       ----   ----
            public.jobs                               ----       ----   ----
            public.job_results                        ----       ----   ----
            public.notifications                      ----       ----   ----
            public.processed_messages                 ----       ----   ----
            public.outbox_events                      ----       ----   ----
            public.flyway_schema_history              ----       ----   ----
            data_access.data_access_schema_history    ----       ----   ----
            data_access.user_attributes               ----       ----   ----
            data_access.masking_key                   ----       ----   ----
            data_access.logistics__daily_orders       ----       ----   ----
            logistics.orders                          y-y-       ----   ----
            logistics.order_items                     y---       ----   ----
            logistics.order_details                   yvvv       ----   ----
            logistics.daily_orders                    yvvv       ----   ----
            sales.items                               ----       yyy-   ----
            sales.order_items                         ----       y---   ----
            sales.item_sales                          ----       yvvv   ----
            analytics.members                         ----       ----   y---
            analytics.membership_history              ----       ----   y---
            analytics.items                           ----       ----   y---
            analytics.orders                          ----       ----   y---
            analytics.order_items                     ----       ----   y---
            analytics.fulfilment_transactions         ----       ----   y---
            """;

    /** A row each relation a team may insert into accepts. */
    private static final Map<String, String> VALID_INSERTS = Map.of(
            "public.items", "INSERT INTO public.items (sku, name, weight_grams, price, currency) VALUES ('PROBE-1', 'Probe', 10, 1.00, 'EUR')",
            "sales.items", "INSERT INTO sales.items (sku, name, weight_grams, price, currency) VALUES ('PROBE-1', 'Probe', 10, 1.00, 'EUR')");
    /** The column a relation a team may update is updated in; elsewhere its first column. */
    private static final Map<String, String> UPDATED_COLUMNS = Map.of(
            "public.items", "is_active", "sales.items", "is_active", "logistics.orders", "status");

    private static final Set<String> PERSONAL_DATA = Set.of("ann@example.com", "Ann Example", "1 Rue de Rivoli",
            "bob@example.com", "Bob Example", "5 Main Street");

    private static ReplicatedDatabase database;
    private static TeamPeopleFixture people;
    private static Map<String, String> logins;
    private static String euLogistics;
    private static String usLogistics;
    private static String logisticsWithoutRegion;

    @BeforeAll
    static void createCellDatabase() throws SQLException {
        database = TestServers.corePostgres(PostgresLoginRulesCompiler.primaryRules(RepositoryScopes.load()),
                PostgresLoginRulesCompiler.replicaRules(RepositoryScopes.load())).createDatabase("data_access_scopes");
        CoreDatabaseFixture.migrateAndScope(database);
        people = TeamPeopleFixture.create(database);
        euLogistics = people.euLogistics();
        usLogistics = people.usLogistics();
        logisticsWithoutRegion = people.logisticsWithoutRegion();
        logins = new LinkedHashMap<>();
        for (String team : TEAMS) {
            logins.put(team, people.of(team));
        }
    }

    @AfterAll
    static void dropCellDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        database.close();
        people.drop();
    }

    @Test
    void everyTeamCanDoExactlyWhatItsScopeSaysWithEveryRelationOnThePrimary() throws SQLException {
        Map<String, Map<String, String>> expected = expectedMatrix();
        assertThat(expected.keySet()).as("the expected matrix names every table and view of the database")
                .containsExactlyInAnyOrderElementsOf(relationsOfTheDatabase());

        List<String> differences = new ArrayList<>();
        int probes = 0;
        for (String team : TEAMS_ON_THE_PRIMARY) {
            try (Connection connection = as(logins.get(team))) {
                probes += probeAll(connection, team, expected, differences);
            }
        }
        assertThat(differences).isEmpty();
        assertThat(probes).isEqualTo(TEAMS_ON_THE_PRIMARY.size() * OPERATIONS.size() * expected.size());
    }

    /**
     * On the replica every team reads as on the primary (its roles, grants and policies are the primary's, replicated)
     * and writes nothing. A write is refused as one in a read-only transaction before the relation's privileges are
     * looked at, but after its schema's (while the statement is read) and after a view's rules, so: a view no one writes
     * through is refused as such, a relation in a schema the team may not use for want of a privilege, any other write
     * as read-only, whether the primary would have done it or not.
     */
    @Test
    void everyTeamReadsAsItsScopeSaysAndWritesNothingOnTheReplica() throws SQLException {
        Map<String, Map<String, String>> expected = expectedMatrixOnTheReplica();
        database.awaitReplica();

        List<String> differences = new ArrayList<>();
        int probes = 0;
        for (String team : TEAMS) {
            try (Connection connection = onReplica(logins.get(team))) {
                probes += probeAll(connection, team, expected, differences);
            }
        }
        assertThat(differences).isEmpty();
        assertThat(probes).isEqualTo(TEAMS.size() * OPERATIONS.size() * expected.size());
    }

    /** Whatever else the servers trust on this machine, a team's person proves their password, on both servers. */
    @Test
    void aPersonsLoginWithAWrongPasswordIsRefusedOnThePrimaryAndTheReplica() {
        for (String url : List.of(database.jdbcUrl(), database.replicaJdbcUrl())) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, euLogistics, "not-" + people.password()).close())
                    .as(url)
                    .isInstanceOfSatisfying(SQLException.class, refusal -> assertThat(refusal.getSQLState()).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"" + euLogistics + "\"");
        }
    }

    @Test
    void analyticsCannotLogInToThePrimaryWhateverItIsGrantedAndCanToTheReplica() throws SQLException {
        String analytics = logins.get("analytics");
        asOwner("GRANT SELECT ON public.members TO " + analytics);
        try {
            assertThatThrownBy(() -> as(analytics).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("pg_hba.conf rejects connection")
                    .hasMessageContaining("user \"" + analytics + "\"")
                    .satisfies(refusal -> assertThat(((SQLException) refusal).getSQLState()).isEqualTo("28000"));
        } finally {
            asOwner("REVOKE SELECT ON public.members FROM " + analytics);
        }
        database.awaitReplica();
        try (Connection replica = onReplica(analytics)) {
            assertThat(outcome(replica, "SELECT email_hash FROM analytics.members")).isEqualTo("y");
            assertThat(outcome(replica, "SELECT pg_is_in_recovery()")).isEqualTo("y");
        }
    }

    /** Tries every operation on every relation as the team, counting the differences from {@code expected}; returns the probes made. */
    private static int probeAll(Connection connection, String team, Map<String, Map<String, String>> expected, List<String> differences)
            throws SQLException {
        connection.setAutoCommit(false);
        int probes = 0;
        for (Map.Entry<String, Map<String, String>> relation : expected.entrySet()) {
            String outcomes = relation.getValue().get(team);
            for (int i = 0; i < OPERATIONS.size(); i++) {
                String outcome = probe(connection, OPERATIONS.get(i), relation.getKey());
                probes++;
                if (!outcome.equals(String.valueOf(outcomes.charAt(i)))) {
                    differences.add(team + " " + OPERATIONS.get(i) + " " + relation.getKey() + ": expected "
                            + outcomes.charAt(i) + ", was " + outcome);
                }
            }
        }
        return probes;
    }

    @Test
    void analyticsSeesTheEmailOnlyAsAStableKeyedHashAndNoOtherPersonalData() throws Exception {
        byte[] key;
        try (Connection owner = asOwner(); ResultSet row = owner.createStatement().executeQuery("SELECT key FROM data_access.masking_key")) {
            row.next();
            key = row.getBytes(1);
        }
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expectedHash = HexFormat.of().formatHex(hmac.doFinal("ann@example.com".getBytes(StandardCharsets.UTF_8)));

        String first = emailHashOf(EU_MEMBER);
        assertThat(first).isEqualTo(expectedHash).isEqualTo(emailHashOf(EU_MEMBER)).doesNotContain("@").hasSize(64);
        assertThat(emailHashOf(US_MEMBER)).isNotEqualTo(first);

        try (Connection analytics = onReplica(logins.get("analytics"))) {
            List<String> seen = new ArrayList<>();
            for (String relation : relationsOfSchema("analytics")) {
                try (ResultSet rows = analytics.createStatement().executeQuery("SELECT * FROM " + relation)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            seen.add(rows.getString(column));
                        }
                    }
                }
            }
            assertThat(seen).contains(first).doesNotContainAnyElementsOf(PERSONAL_DATA);
            assertThat(seen).noneMatch(value -> value != null && value.contains("@"));
            assertThat(outcome(analytics, "SELECT email FROM public.members")).isEqualTo("-");
            assertThat(outcome(analytics, "SELECT public.members.email FROM analytics.members JOIN public.members USING (id)")).isEqualTo("-");
        }
    }

    @Test
    void aLogisticsPersonSeesAndMovesOnlyTheOrdersOfTheirRegion() throws SQLException {
        assertThat(ids(euLogistics, "SELECT id FROM logistics.orders")).containsExactlyInAnyOrder(EU_ORDER.toString(), EU_ORDER_TO_MOVE.toString());
        assertThat(ids(euLogistics, "SELECT DISTINCT order_id FROM logistics.order_items"))
                .containsExactlyInAnyOrder(EU_ORDER.toString(), EU_ORDER_TO_MOVE.toString());
        assertThat(ids(usLogistics, "SELECT id FROM logistics.orders")).containsExactly(US_ORDER.toString());
        assertThat(ids(usLogistics, "SELECT order_id FROM logistics.order_details")).containsExactly(US_ORDER.toString());
        assertThat(ids(logisticsWithoutRegion, "SELECT id FROM logistics.orders")).isEmpty();
        assertThat(ids(logisticsWithoutRegion, "SELECT order_id FROM logistics.order_items")).isEmpty();
        assertThat(ids("storage_service", "SELECT DISTINCT order_id FROM order_items")).as("storage's own role keeps every row")
                .contains(EU_ORDER.toString(), EU_ORDER_TO_MOVE.toString(), US_ORDER.toString());

        try (Connection logistics = as(euLogistics)) {
            try (ResultSet details = logistics.createStatement().executeQuery(
                    "SELECT line_count, item_count, total_weight_grams FROM logistics.order_details WHERE order_id = '" + EU_ORDER + "'")) {
                assertThat(details.next()).isTrue();
                assertThat(List.of(details.getLong(1), details.getLong(2), details.getLong(3))).containsExactly(2L, 3L, 2L * 370 + 105);
            }
            assertThat(logistics.createStatement().executeUpdate(
                    "UPDATE logistics.orders SET status = 'fulfilled' WHERE id = '" + US_ORDER + "'")).isZero();
        }
        assertThat(ownerText("SELECT status FROM orders WHERE id = '" + US_ORDER + "'")).isEqualTo("placed");
        assertThat(ownerText("SELECT count(*) FROM fulfilment_transactions WHERE order_id = '" + US_ORDER + "'")).isEqualTo("0");
    }

    @Test
    void logisticsMovingAnOrderRecordsTheFulfilmentTransactionAndTheEventTheFeedReads() throws Exception {
        try (Connection logistics = as(euLogistics)) {
            assertThat(logistics.createStatement().executeUpdate(
                    "UPDATE logistics.orders SET status = 'fulfilled' WHERE id = '" + EU_ORDER_TO_MOVE + "'")).isEqualTo(1);
            assertThatThrownBy(() -> logistics.createStatement().executeUpdate(
                    "UPDATE logistics.orders SET status = 'cancelled' WHERE id = '" + EU_ORDER_TO_MOVE + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("is fulfilled and cannot become cancelled")
                    .satisfies(refusal -> assertThat(((SQLException) refusal).getSQLState()).isEqualTo("23514"));
            assertThat(outcome(logistics, "UPDATE logistics.orders SET warehouse_region = 'us-east-1' WHERE id = '" + EU_ORDER + "'"))
                    .isEqualTo("-");
        }

        assertThat(ownerText("SELECT status FROM orders WHERE id = '" + EU_ORDER_TO_MOVE + "'")).isEqualTo("fulfilled");
        assertThat(ownerText("SELECT string_agg(from_status || '>' || to_status || ' by ' || actor, ', ') FROM fulfilment_transactions"
                + " WHERE order_id = '" + EU_ORDER_TO_MOVE + "'")).isEqualTo("placed>fulfilled by " + euLogistics);
        assertThat(ownerText("SELECT count(*) FROM outbox_events WHERE payload LIKE '%" + EU_ORDER_TO_MOVE + "%'")).isEqualTo("1");

        String payload = ownerText("SELECT payload FROM outbox_events WHERE type = 'order.fulfilled' AND payload LIKE '%" + EU_ORDER_TO_MOVE + "%'");
        CellEvent event = ObjectMapper.getDefault().readValue(payload, CellEvent.class);
        assertThat(event.type()).isEqualTo("order.fulfilled");
        assertThat(event.cell()).isEqualTo(CELL);
        assertThat(event.memberId()).isEqualTo(EU_MEMBER);
        assertThat(event.subjectId()).isEqualTo(EU_ORDER_TO_MOVE.toString());
        assertThat(ownerText("SELECT id FROM outbox_events WHERE type = 'order.fulfilled' AND payload LIKE '%" + EU_ORDER_TO_MOVE + "%'"))
                .isEqualTo(event.id());
        Instant recorded;
        try (Connection owner = asOwner(); ResultSet row = owner.createStatement().executeQuery(
                "SELECT occurred_at FROM fulfilment_transactions WHERE order_id = '" + EU_ORDER_TO_MOVE + "'")) {
            row.next();
            recorded = row.getObject(1, OffsetDateTime.class).toInstant();
        }
        assertThat(event.occurredAt()).isEqualTo(recorded);
        assertThat(event.data()).containsEntry("status", "fulfilled").containsEntry("totalPrice", "389.00")
                .containsEntry("currency", "EUR").containsEntry("warehouseRegion", "eu-west-1");
        assertThat(((Number) event.data().get("lineCount")).intValue()).isEqualTo(1);
        assertThat(((Number) event.data().get("totalWeightGrams")).longValue()).isEqualTo(1350L);
    }

    @Test
    void salesRetiresItemsAndCannotDeleteOneEvenWhenGrantedByHand() throws SQLException {
        String sales = logins.get("sales");
        try (Connection connection = as(sales)) {
            assertThat(connection.createStatement().executeUpdate(
                    "INSERT INTO sales.items (sku, name, weight_grams, price, currency) VALUES ('LANTERN-MINI', 'Mini lantern', 90, 19.00, 'EUR')"))
                    .isEqualTo(1);
            assertThat(connection.createStatement().executeUpdate("UPDATE sales.items SET is_active = false WHERE sku = 'LANTERN-MINI'"))
                    .isEqualTo(1);
            assertThat(outcome(connection, "UPDATE sales.items SET price = 0 WHERE sku = 'LANTERN-MINI'")).isEqualTo("-");
        }
        assertThat(ownerText("SELECT is_active FROM items WHERE sku = 'LANTERN-MINI'")).isEqualTo("f");

        asOwner("GRANT DELETE ON public.items, sales.items TO " + sales);
        try (Connection connection = as(sales)) {
            for (String delete : List.of("DELETE FROM sales.items WHERE sku = 'LANTERN-MINI'", "DELETE FROM public.items WHERE sku = 'LANTERN-MINI'")) {
                assertThatThrownBy(() -> connection.createStatement().executeUpdate(delete))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("rows of items are never deleted")
                        .satisfies(refusal -> assertThat(((SQLException) refusal).getSQLState()).isEqualTo("23001"));
            }
        } finally {
            asOwner("REVOKE DELETE ON public.items, sales.items FROM " + sales);
        }
        assertThat(ownerText("SELECT count(*) FROM items WHERE sku = 'LANTERN-MINI'")).isEqualTo("1");
    }

    @Test
    void salesSeesNoMemberData() throws SQLException {
        assertThat(ownerText("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'sales'"
                + " AND (column_name LIKE 'member%' OR column_name = 'email' OR column_name LIKE 'destination%'"
                + " OR column_name LIKE 'postal%')")).isEqualTo("0");
        try (Connection sales = as(logins.get("sales"))) {
            assertThat(outcome(sales, "SELECT member_id FROM public.orders")).isEqualTo("-");
            assertThat(outcome(sales, "SELECT * FROM analytics.members")).isEqualTo("-");
        }
    }

    @Test
    void theDailyAggregatesRefreshOnDemandAndShowOnlyThePersonsRegion() throws SQLException {
        UUID lateOrder = UUID.randomUUID();
        asOwner(TeamPeopleFixture.order(lateOrder, EU_MEMBER, "eu-west-1", "IE"),
                "INSERT INTO order_items VALUES ('" + lateOrder + "', 1, 'MUG-STEEL-350', 'Insulated steel mug 350 ml', 4, 24.90, 260)");
        try (Connection logistics = as(euLogistics)) {
            long before = placedToday(logistics);
            logistics.createStatement().execute("SELECT logistics.refresh_daily_orders()");
            assertThat(placedToday(logistics)).isEqualTo(before + 1);
            assertThat(ids(euLogistics, "SELECT DISTINCT warehouse_region FROM logistics.daily_orders")).containsExactly("eu-west-1");
        }
        assertThat(ids(usLogistics, "SELECT DISTINCT warehouse_region FROM logistics.daily_orders")).containsExactly("us-east-1");
        try (Connection sales = as(logins.get("sales"))) {
            assertThat(outcome(sales, "SELECT logistics.refresh_daily_orders()")).isEqualTo("-");
        }
    }

    @Test
    void applyingTheDefinitionAgainTakesAwayWhatWasGrantedByHand() throws SQLException {
        String compiled = PostgresScopeCompiler.compile(RepositoryScopes.load());
        ScopeMigration migration = new ScopeMigration(database.jdbcUrl(), database.username(), database.password());
        assertThat(migration.apply(compiled, CELL).migrationsExecuted).as("the same definition is not applied twice").isZero();

        asOwner("GRANT SELECT ON public.members TO analytics");
        try (Connection analytics = onReplica(logins.get("analytics"))) {
            assertThat(outcome(analytics, "SELECT email FROM public.members")).isEqualTo("y");
        }
        // A changed definition (here only a comment) is applied again, whole.
        assertThat(migration.apply(compiled + "-- changed\n", CELL).migrationsExecuted).isEqualTo(1);
        try (Connection analytics = onReplica(logins.get("analytics"))) {
            assertThat(outcome(analytics, "SELECT email FROM public.members")).isEqualTo("-");
            assertThat(outcome(analytics, "SELECT email_hash FROM analytics.members")).isEqualTo("y");
        }
    }

    @Test
    void theTrinoRulesNameTheRelationsAndColumnsPostgresqlGivesEachTeam() throws Exception {
        JsonNode rules = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                TrinoRulesCompiler.compile(RepositoryScopes.load(), List.of("core_test")));
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (JsonNode rule : rules.get("tables")) {
            if (rule.has("group")) {
                List<String> columns = new ArrayList<>();
                rule.get("columns").forEach(column -> columns.add(column.get("name").asText()));
                named.put(rule.get("schema").asText() + "." + rule.get("table").asText(), columns);
            }
        }

        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String team : TEAMS) {
            for (String relation : relationsOfSchema(team)) {
                given.put(relation, columnsOf(relation));
            }
        }
        assertThat(named).isEqualTo(given);
    }

    private static long placedToday(Connection logistics) throws SQLException {
        try (ResultSet rows = logistics.createStatement().executeQuery(
                "SELECT coalesce(sum(placed), 0) FROM logistics.daily_orders WHERE day = (now() AT TIME ZONE 'UTC')::date")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** {@code y}, {@code -} or {@code v} for the operation, or what else happened. */
    private static String probe(Connection connection, String operation, String relation) throws SQLException {
        String sql = switch (operation) {
            case "select" -> "SELECT * FROM " + relation + " LIMIT 1";
            case "insert" -> VALID_INSERTS.getOrDefault(relation, "INSERT INTO " + relation + " DEFAULT VALUES");
            case "update" -> {
                String column = UPDATED_COLUMNS.getOrDefault(relation, firstColumnOf(relation));
                yield "UPDATE " + relation + " SET " + column + " = " + column + " WHERE false";
            }
            case "delete" -> "DELETE FROM " + relation + " WHERE false";
            default -> throw new IllegalArgumentException(operation);
        };
        return outcome(connection, sql);
    }

    /** Runs the statement in a transaction of its own, rolled back whatever happens. */
    private static String outcome(Connection connection, String sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return "y";
        } catch (SQLException refused) {
            return switch (refused.getSQLState()) {
                case "42501" -> "-";
                case "25006" -> "r";
                case "55000" -> refused.getMessage().contains("cannot") && refused.getMessage().contains("view") ? "v" : "55000 " + refused.getMessage();
                default -> refused.getSQLState() + " " + refused.getMessage();
            };
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The matrix data-access/guides/access-matrix.md shows is this test's own: the one it holds the database to. A change
     * of the matrix without the page fails here; {@code -Datoll.guides.write=true} writes the page anew.
     */
    @Test
    void theMatrixInTheGuidesIsTheOneThisTestChecks() throws IOException {
        Path page = RepositoryScopes.directory().resolveSibling("guides").resolve("access-matrix.md");
        String printed = printedMatrix();
        if (Boolean.getBoolean("atoll.guides.write")) {
            Files.writeString(page, printed);
        }
        assertThat(page).as("write it with -Datoll.guides.write=true").exists();
        assertThat(Files.readString(page)).as(page + " is behind this test's matrix: write it anew with -Datoll.guides.write=true")
                .isEqualTo(printed);
    }

    private static String printedMatrix() {
        StringBuilder page = new StringBuilder("""
                # What each team may do with each relation of a cell's core database

                Printed by `TeamScopesIT` from the matrix it holds every login of each team to, operation by operation, on a
                cell's primary and on its replica (`-Datoll.guides.write=true` prints it anew). What is not listed is refused:
                a permission error, an error of a view no one writes through, or on the replica a read-only transaction.
                """);
        table(page, "On the primary", expectedMatrix(), TEAMS_ON_THE_PRIMARY,
                "Analytics logs in to the replicas only: the primary refuses its people at login (`pg_hba.conf`).");
        table(page, "On the replica", expectedMatrixOnTheReplica(), TEAMS, "Every write is refused on the replica.");
        return page.toString();
    }

    private static void table(StringBuilder page, String title, Map<String, Map<String, String>> matrix, List<String> teams, String note) {
        page.append("\n## ").append(title).append("\n\n").append(note).append("\n\n| relation | ").append(String.join(" | ", teams))
                .append(" |\n|---|").append("---|".repeat(teams.size())).append('\n');
        matrix.forEach((relation, byTeam) -> {
            page.append("| `").append(relation).append('`');
            for (String team : teams) {
                String outcomes = byTeam.get(team);
                List<String> done = new ArrayList<>();
                for (int operation = 0; operation < OPERATIONS.size(); operation++) {
                    if (outcomes.charAt(operation) == 'y') {
                        done.add(OPERATIONS.get(operation));
                    }
                }
                page.append(" | ").append(done.isEmpty() ? "" : String.join(", ", done));
            }
            page.append(" |\n");
        });
    }

    /**
     * On the replica a team reads what it reads on the primary; a write is refused as a read-only transaction, except where
     * it is refused before that: a view no one writes through, a schema the team may not use.
     */
    private static Map<String, Map<String, String>> expectedMatrixOnTheReplica() {
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        expectedMatrix().forEach((relation, byTeam) -> {
            Map<String, String> onReplica = new LinkedHashMap<>();
            byTeam.forEach((team, outcomes) -> {
                boolean schemaUsable = relation.startsWith("public.") || relation.startsWith(team + ".");
                StringBuilder replica = new StringBuilder().append(outcomes.charAt(0));
                outcomes.substring(1).chars().forEach(write -> replica.append(write == 'v' ? 'v' : schemaUsable ? 'r' : '-'));
                onReplica.put(team, replica.toString());
            });
            expected.put(relation, onReplica);
        });
        return expected;
    }

    private static Map<String, Map<String, String>> expectedMatrix() {
        Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
        List<String> lines = EXPECTED.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        assertThat(header).containsExactly("relation", "logistics", "sales", "analytics");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            Map<String, String> byTeam = new LinkedHashMap<>();
            for (int i = 1; i < cells.length; i++) {
                byTeam.put(header.get(i), cells[i]);
            }
            matrix.put(cells[0], byTeam);
        }
        return matrix;
    }

    /** Every table, view and materialised view outside PostgreSQL's own schemas, as the server lists them. */
    private static Set<String> relationsOfTheDatabase() throws SQLException {
        Set<String> relations = new TreeSet<>();
        try (Connection owner = asOwner(); ResultSet rows = owner.createStatement().executeQuery("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'v', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')""")) {
            while (rows.next()) {
                relations.add(rows.getString(1));
            }
        }
        return relations;
    }

    private static List<String> relationsOfSchema(String schema) throws SQLException {
        return relationsOfTheDatabase().stream().filter(relation -> relation.startsWith(schema + ".")).toList();
    }

    private static List<String> columnsOf(String relation) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection owner = asOwner(); ResultSet rows = owner.createStatement().executeQuery(
                "SELECT attname FROM pg_attribute WHERE attrelid = '" + relation + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }

    private static String firstColumnOf(String relation) {
        return ownerText("SELECT attname FROM pg_attribute WHERE attrelid = '" + relation + "'::regclass AND attnum = 1");
    }

    private static String emailHashOf(String member) throws SQLException {
        try (Connection analytics = onReplica(logins.get("analytics"));
             PreparedStatement query = analytics.prepareStatement("SELECT email_hash FROM analytics.members WHERE id = ?")) {
            query.setString(1, member);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static List<String> ids(String login, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = as(login); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static Connection as(String login) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), login, people.password());
    }

    /** A session of {@code login} on the replica, once it has replayed everything the primary has committed so far. */
    private static Connection onReplica(String login) throws SQLException {
        database.awaitReplica();
        return DriverManager.getConnection(database.replicaJdbcUrl(), login, people.password());
    }

    private static Connection asOwner() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static void asOwner(String... statements) {
        try (Connection owner = asOwner(); Statement statement = owner.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the owner could not run a statement", e);
        }
    }

    private static String ownerText(String sql) {
        try (Connection owner = asOwner(); ResultSet row = owner.createStatement().executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("the owner could not run: " + sql, e);
        }
    }
}
