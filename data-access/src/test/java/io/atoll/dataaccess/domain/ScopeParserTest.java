package io.atoll.dataaccess.domain;

import io.atoll.dataaccess.RepositoryScopes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeParserTest {
    /** A valid row-limited scope; each refusal below breaks one thing of it. */
    private static final String VALID = """
            team: logistics
            description: Ships orders.
            attributes:
              region: the warehouse region
            rows:
              column: warehouse_region
              equals-attribute: region
            tables:
              orders:
                key: [id]
                columns: [id, status, warehouse_region]
                update: [status]
                status-change:
                  from: placed
                  to: [fulfilled]
              order_items:
                key: [order_id, line_number]
                columns: [order_id, line_number, quantity]
                rows-follow:
                  table: orders
                  by: order_id
            views:
              totals:
                description: lines per order
                columns: [order_id, warehouse_region, lines]
                sql: SELECT o.id, o.warehouse_region, count(*) FROM logistics.orders o JOIN logistics.order_items i ON i.order_id = o.id GROUP BY 1, 2
            """;

    @Test
    void theRepositorysScopesAreValid() {
        Scopes scopes = RepositoryScopes.load();

        assertThat(scopes.teams()).extracting(TeamScope::team).containsExactly("analytics", "logistics", "sales");
        TeamScope logistics = scopes.teams().get(1);
        assertThat(logistics.rows()).contains(new RowLimit("warehouse_region", "region"));
        assertThat(logistics.table("orders").orElseThrow().statusChange()).contains(new StatusChange("placed", List.of("fulfilled", "cancelled")));
        assertThat(logistics.table("order_items").orElseThrow().rowsFollow()).contains(new RowsFollow("orders", "order_id"));
        assertThat(logistics.aggregates()).extracting(AggregateScope::name).containsExactly("daily_orders");
        TeamScope analytics = scopes.teams().get(0);
        assertThat(analytics.table("members").orElseThrow().masked()).containsExactly(new MaskedColumn("email_hash", "email", Mask.KEYED_HASH));
        assertThat(analytics.tables()).allSatisfy(table -> {
            assertThat(table.insert()).isEmpty();
            assertThat(table.update()).isEmpty();
        });
        assertThat(analytics.table("members").orElseThrow().columns()).doesNotContain("email", "name", "postal_line1", "postal_line2",
                "postal_city", "postal_code", "postal_country");
        assertThat(analytics.sessions()).isEqualTo(Sessions.REPLICA_ONLY);
        TeamScope sales = scopes.teams().get(2);
        assertThat(sales.sessions()).isEqualTo(Sessions.ANY);
        assertThat(sales.table("items").orElseThrow().neverDeleted()).isTrue();
        assertThat(sales.relations().values()).allSatisfy(columns -> assertThat(columns).noneMatch(column -> column.startsWith("member")));
    }

    @Test
    void aValidScopeIsReadAsWritten() {
        TeamScope scope = ScopeParser.parse("scopes/logistics.yaml", VALID);

        assertThat(scope.attributes()).containsEntry("region", "the warehouse region");
        assertThat(scope.sessions()).as("a file that does not say").isEqualTo(Sessions.ANY);
        assertThat(scope.table("orders").orElseThrow()).isEqualTo(new TableScope("orders", List.of("id"), List.of("id", "status", "warehouse_region"),
                List.of(), List.of(), List.of("status"), Optional.of(new StatusChange("placed", List.of("fulfilled"))), false, Optional.empty()));
        assertThat(scope.relations()).containsOnlyKeys("orders", "order_items", "totals");
        assertThat(scope.views().get(0).columns()).containsExactly("order_id", "warehouse_region", "lines");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            team: logistics                  | team: sales                               | logistics.yaml: team: team 'sales' must be defined in sales.yaml
            description: Ships orders.       | colour: blue                              | logistics.yaml: colour: unknown field (known: aggregates, attributes, description, rows, sessions, tables, team, views)
            columns: [id, status, warehouse_region] | columns: [id, status]              | logistics.yaml: tables.orders.columns: the team's rows are limited by warehouse_region: show that column or give rows-follow
            update: [status]                 | update: [weight]                          | logistics.yaml: tables.orders.update: 'weight' is not among the table's columns
            to: [fulfilled]                  | to: [shipped]                             | logistics.yaml: tables.orders.status-change.to: 'shipped' is not a status storage records (fulfilled, cancelled)
            equals-attribute: region         | equals-attribute: country                 | logistics.yaml: rows.equals-attribute: 'country' is not among the team's attributes
            table: orders                    | table: parcels                            | logistics.yaml: tables.order_items.rows-follow.table: 'parcels' is not a table of this scope
            FROM logistics.orders o JOIN     | FROM public.orders o JOIN                 | logistics.yaml: views.totals.sql: reads public: a team's SQL reads only its own schema's views
            GROUP BY 1, 2                    | GROUP BY 1, 2; DROP TABLE orders          | logistics.yaml: views.totals.sql: one SELECT, without ';'
            key: [id]                        | key: [Id]                                 | logistics.yaml: tables.orders.key: 'Id' is not a lower-case SQL name
            description: lines per order     | description: [lines]                      | logistics.yaml: views.totals.description: must be text
            GROUP BY 1, 2                    | GROUP BY 1, 2 -- ${cellId}                | logistics.yaml: views.totals.sql: '${' is kept for the migration's placeholders
            """)
    void aBrokenScopeIsRefusedInOneLineNamingTheFileAndTheField(String valid, String broken, String message) {
        String yaml = VALID.replace(valid, broken);
        assertThat(yaml).as("the test changes the scope").isNotEqualTo(VALID);

        assertThatThrownBy(() -> ScopeParser.parse("logistics.yaml", yaml))
                .isInstanceOf(ScopeDefinitionException.class)
                .hasMessage(message)
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aTeamIsKeptToTheReplicasOnlyByAKnownValue() {
        assertThat(ScopeParser.parse("logistics.yaml", VALID + "sessions: replica-only\n").sessions()).isEqualTo(Sessions.REPLICA_ONLY);
        assertThat(ScopeParser.parse("logistics.yaml", VALID + "sessions: any\n").sessions()).isEqualTo(Sessions.ANY);
        assertThatThrownBy(() -> ScopeParser.parse("logistics.yaml", VALID + "sessions: primary-only\n"))
                .isInstanceOf(ScopeDefinitionException.class)
                .hasMessage("logistics.yaml: sessions: unknown value 'primary-only' (known: any, replica-only)");
    }

    @Test
    void yamlThatIsNotYamlIsRefusedInOneLine() {
        assertThatThrownBy(() -> ScopeParser.parse("sales.yaml", "team: [sales\ndescription: x"))
                .isInstanceOf(ScopeDefinitionException.class)
                .hasMessageStartingWith("sales.yaml: not YAML: ")
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aTeamReadingAnotherTeamsSchemaIsRefused() {
        TeamScope logistics = ScopeParser.parse("logistics.yaml", VALID);
        TeamScope sales = ScopeParser.parse("sales.yaml", VALID.replace("team: logistics", "team: sales")
                .replace("    rows-follow:\n      table: orders\n      by: order_id\n", "")
                .replace("attributes:\n  region: the warehouse region\nrows:\n  column: warehouse_region\n  equals-attribute: region\n", ""));

        assertThatThrownBy(() -> new Scopes(List.of(logistics, sales)))
                .isInstanceOf(ScopeDefinitionException.class)
                .hasMessage("sales.yaml: views: reads the schema of team 'logistics': a team's SQL reads only its own schema's views");
    }
}
