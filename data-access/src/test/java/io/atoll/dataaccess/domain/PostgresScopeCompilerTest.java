package io.atoll.dataaccess.domain;

import io.atoll.dataaccess.RepositoryScopes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresScopeCompilerTest {
    private final Scopes scopes = RepositoryScopes.load();
    private final String sql = PostgresScopeCompiler.compile(scopes);

    @Test
    void theSameScopesGiveTheSameSqlWhateverOrderTheyAreGivenIn() {
        List<TeamScope> reversed = new ArrayList<>(scopes.teams());
        Collections.reverse(reversed);

        assertThat(PostgresScopeCompiler.compile(new Scopes(reversed))).isEqualTo(sql);
        assertThat(PostgresScopeCompiler.compile(RepositoryScopes.load())).isEqualTo(sql);
    }

    @Test
    void eachTeamGetsAGroupRoleAndASchemaOfItsNameWithViewsRunWithTheReadersRights() {
        for (String team : List.of("logistics", "sales", "analytics")) {
            assertThat(sql).contains("CREATE ROLE " + team + " NOLOGIN;", "CREATE SCHEMA " + team + ";",
                    "GRANT USAGE ON SCHEMA " + team + " TO " + team + ";",
                    "GRANT USAGE ON SCHEMA public TO " + team + ";", "DROP SCHEMA IF EXISTS " + team + " CASCADE;",
                    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + team + ";");
        }
        assertThat(sql).contains("CREATE VIEW logistics.orders WITH (security_invoker = true) AS",
                "CREATE VIEW logistics.order_details (order_id, status, warehouse_region, placed_at,",
                "CREATE VIEW sales.item_sales (sku, name, is_active, units_sold, revenue, currency) WITH (security_invoker = true) AS");
        assertThat(sql).doesNotContain("LOGIN IN ROLE").as("only ever taken away").doesNotContainPattern("(?<!NO)(SUPERUSER|BYPASSRLS)");
    }

    @Test
    void whatAHandGaveATeamOrAPersonAnywhereIsTakenAway() {
        for (String team : List.of("logistics", "sales", "analytics")) {
            assertThat(sql).contains("JOIN pg_roles m ON m.oid = a.member WHERE t.rolname = '" + team + "' LOOP",
                    "EXECUTE format('REVOKE %I FROM " + team + "', found.rolname);");
        }
        assertThat(sql).contains("EXECUTE format('REVOKE ALL ON DATABASE %I FROM %I', current_database(), grantee);",
                "EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', found.nspname, grantee);",
                "EXECUTE format('REVOKE ALL ON ALL ROUTINES IN SCHEMA %I FROM %I', found.nspname, grantee);",
                "EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', grantee);");
    }

    @Test
    void grantsAreColumnByColumnAndNoTeamMayDelete() {
        assertThat(sql).contains(
                "GRANT SELECT (id, home_cell, tier, status, joined_at, updated_at) ON public.members TO analytics;",
                "GRANT INSERT (sku, name, weight_grams, price, currency, is_active) ON public.items TO sales;",
                "GRANT UPDATE (is_active) ON sales.items TO sales;",
                "GRANT UPDATE (status) ON logistics.orders TO logistics;");
        assertThat(sql).doesNotContainPattern("GRANT [^;]*DELETE").doesNotContainPattern("GRANT [^;]*TRUNCATE")
                .doesNotContainPattern("GRANT [^;]* ON public\\.orders TO logistics;\\n(?s).*GRANT UPDATE[^;]* ON public\\.orders");
        assertThat(sql).doesNotContainPattern("GRANT [^;]*\\bemail\\b[^;]* TO analytics");
        assertThat(sql).doesNotContainPattern("GRANT (INSERT|UPDATE)[^;]* TO analytics;");
        assertThat(sql).contains("CREATE TRIGGER data_access_never_deleted BEFORE DELETE ON public.items");
    }

    @Test
    void rowLimitsAreForcedRestrictivePoliciesThatLeaveEveryoneElseTheirRows() {
        assertThat(sql).contains("ALTER TABLE public.orders FORCE ROW LEVEL SECURITY;", "ALTER TABLE public.order_items FORCE ROW LEVEL SECURITY;",
                "CREATE POLICY data_access_all_rows ON public.orders USING (true) WITH CHECK (true);",
                "CREATE POLICY data_access_logistics_rows ON public.orders AS RESTRICTIVE TO logistics\n"
                        + "    USING (warehouse_region = data_access.user_attribute(current_user, 'region'))",
                "CREATE POLICY data_access_logistics_rows ON public.order_items AS RESTRICTIVE TO logistics\n"
                        + "    USING (EXISTS (SELECT FROM public.orders followed WHERE followed.id = order_items.order_id))");
        assertThat(sql).doesNotContain("ON public.items AS RESTRICTIVE", "ON public.members AS RESTRICTIVE");
    }

    @Test
    void theEmailIsMaskedByASecurityDefinerFunctionOfTheKey() {
        assertThat(sql).contains("CREATE FUNCTION analytics.members_email_hash(row_key public.members.id%TYPE) RETURNS text",
                "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp",
                "encode(data_access.hmac(convert_to(t.email, 'UTF8'), k.key, 'sha256'), 'hex')",
                "SELECT id, home_cell, tier, status, joined_at, updated_at, analytics.members_email_hash(id) AS email_hash FROM public.members;",
                "REVOKE ALL ON data_access.masking_key FROM PUBLIC;");
        assertThat(sql).doesNotContain("ON data_access.masking_key TO", "ON SCHEMA data_access TO");
    }

    @Test
    void theDailyAggregatesAreAMaterialisedViewWithARefreshTheTeamMayCall() {
        assertThat(sql).contains("CREATE MATERIALIZED VIEW data_access.logistics__daily_orders (day, warehouse_region, placed, open,",
                "CREATE UNIQUE INDEX logistics__daily_orders_key ON data_access.logistics__daily_orders (day, warehouse_region);",
                "CREATE VIEW logistics.daily_orders WITH (security_barrier = true) AS",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY data_access.logistics__daily_orders;",
                "GRANT EXECUTE ON FUNCTION logistics.refresh_daily_orders() TO logistics;");
    }

    @Test
    void theStatusChangeWritesTheFulfilmentTransactionAndTheOutboxEventForTheCell() {
        assertThat(sql).contains("CREATE TRIGGER status_change INSTEAD OF UPDATE ON logistics.orders FOR EACH ROW",
                "INSERT INTO public.fulfilment_transactions", "INSERT INTO public.outbox_events", "'cell', '${cellId}'",
                "NEW.status NOT IN ('fulfilled', 'cancelled')");
        assertThat(sql.split("\\$\\{", -1)).as("the only placeholder is the cell's").hasSize(2);
    }
}
