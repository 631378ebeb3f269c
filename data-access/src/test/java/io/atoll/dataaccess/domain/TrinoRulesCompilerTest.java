package io.atoll.dataaccess.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.dataaccess.RepositoryScopes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrinoRulesCompilerTest {
    private static final List<String> CATALOGS = List.of("core_eu_west_1", "core_us_east_1");

    private final String rules = TrinoRulesCompiler.compile(RepositoryScopes.load(), CATALOGS);
    private final JsonNode json = read(rules);

    @Test
    void theRulesAreCatalogSchemaAndTableRulesOnly() {
        List<String> sections = new ArrayList<>();
        json.fieldNames().forEachRemaining(sections::add);

        assertThat(sections).containsExactly("catalogs", "schemas", "tables");
        assertThat(TrinoRulesCompiler.compile(RepositoryScopes.load(), CATALOGS)).isEqualTo(rules);
    }

    @Test
    void eachTeamReadsItsOwnSchemaOfEveryCellReadOnly() {
        for (String team : List.of("analytics", "logistics", "sales")) {
            assertThat(json.get("catalogs")).anySatisfy(rule -> {
                assertThat(rule.path("group").asText()).isEqualTo(team);
                assertThat(rule.path("catalog").asText()).isEqualTo("(core_eu_west_1|core_us_east_1)");
                assertThat(rule.path("allow").asText()).isEqualTo("read-only");
            });
            assertThat(json.get("schemas")).anySatisfy(rule -> {
                assertThat(rule.path("group").asText()).isEqualTo(team);
                assertThat(rule.path("schema").asText()).isEqualTo(team);
                assertThat(rule.path("owner").asBoolean(true)).isFalse();
            });
        }
        assertThat(json.get("tables")).allSatisfy(rule -> {
            assertThat(rule.path("privileges")).extracting(JsonNode::asText).containsExactly("SELECT");
            assertThat(rule.path("schema").asText()).isNotEqualTo("public");
            if (rule.has("group")) {
                assertThat(rule.path("schema").asText()).isEqualTo(rule.path("group").asText());
            }
        });
    }

    @Test
    void everyRelationOfATeamHasARulePerCatalogNamingItsColumns() {
        JsonNode members = tableRule("analytics", "core_us_east_1", "members");

        assertThat(members.path("columns")).extracting(column -> column.path("name").asText())
                .containsExactly("id", "home_cell", "tier", "status", "joined_at", "updated_at", "email_hash");
        assertThat(members.has("filter")).isFalse();
        List<String> analyticsRules = new ArrayList<>();
        json.get("tables").forEach(rule -> {
            if (rule.path("group").asText().equals("analytics")) {
                analyticsRules.add(rule.path("catalog").asText() + "." + rule.path("table").asText());
            }
        });
        assertThat(analyticsRules).hasSize(6 * CATALOGS.size()).doesNotHaveDuplicates();
    }

    @Test
    void theMaskedEmailIsMaskedAgainInTrino() {
        JsonNode emailHash = tableRule("analytics", "core_eu_west_1", "members").path("columns").get(6);

        assertThat(emailHash.path("name").asText()).isEqualTo("email_hash");
        assertThat(emailHash.path("mask").asText()).isEqualTo("CASE WHEN regexp_like(email_hash, '^[0-9a-f]{64}$') THEN email_hash END");
    }

    @Test
    void everyLogisticsRelationIsFilteredToThePersonsRegionInItsOwnCatalog() {
        for (String relation : List.of("orders", "order_details", "daily_orders")) {
            JsonNode rule = tableRule("logistics", "core_eu_west_1", relation);
            assertThat(rule.path("filter").asText()).isEqualTo("warehouse_region = (SELECT value FROM core_eu_west_1.data_access.user_attributes"
                    + " WHERE login = current_user AND attribute = 'region')");
            assertThat(rule.path("filter_environment").path("user").asText()).isEqualTo(TrinoRulesCompiler.ATTRIBUTE_READER);
        }
        assertThat(tableRule("logistics", "core_us_east_1", "order_items").path("filter").asText())
                .isEqualTo("order_id IN (SELECT id FROM core_us_east_1.logistics.orders WHERE warehouse_region = (SELECT value FROM"
                        + " core_us_east_1.data_access.user_attributes WHERE login = current_user AND attribute = 'region'))");
        assertThat(tableRule("sales", "core_eu_west_1", "items").has("filter")).isFalse();
    }

    @Test
    void theAttributeReaderReadsTheAttributesAndTheLimitedRelationsAndNothingElse() {
        List<JsonNode> readerRules = new ArrayList<>();
        json.get("tables").forEach(rule -> {
            if (rule.path("user").asText().equals(TrinoRulesCompiler.ATTRIBUTE_READER)) {
                readerRules.add(rule);
            }
        });

        assertThat(readerRules).extracting(rule -> rule.path("schema").asText() + "." + rule.path("table").asText())
                .containsExactly("data_access.user_attributes", "logistics.orders|order_items|order_details|daily_orders");
    }

    @Test
    void aCatalogThatIsNotATrinoNameIsRefused() {
        assertThatThrownBy(() -> TrinoRulesCompiler.compile(RepositoryScopes.load(), List.of("core.eu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("catalog 'core.eu' is not a lower-case Trino name");
    }

    private JsonNode tableRule(String team, String catalog, String relation) {
        for (JsonNode rule : json.get("tables")) {
            if (rule.path("group").asText().equals(team) && rule.path("catalog").asText().equals(catalog)
                    && rule.path("table").asText().equals(relation)) {
                return rule;
            }
        }
        throw new AssertionError("no rule for " + team + " on " + catalog + "." + relation);
    }

    private static JsonNode read(String rules) {
        try {
            return new ObjectMapper().readTree(rules);
        } catch (java.io.IOException e) {
            throw new AssertionError("the rules are not JSON", e);
        }
    }
}
