package io.atoll.cell.storage.api;

import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.Reply;
import io.atoll.cell.storage.support.StorageUnderTest;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueAndMembersIT {
    private final StorageUnderTest storage = StorageUnderTest.create("storage_members");
    private final EmbeddedServer server = storage.start(Map.of("atoll.storage.outbox.relay-enabled", false));
    private final Api api = storage.api(server);

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    @Test
    void theSeededCatalogueIsPagedInSkuOrder() {
        List<Map<String, Object>> items = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Reply page = api.get("/storage/v1/items?limit=7" + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.list("items")).hasSizeLessThanOrEqualTo(7);
            items.addAll(page.list("items"));
            after = page.text("next");
            pages++;
        } while (after != null);

        assertThat(items).hasSize((int) storage.count("SELECT count(*) FROM items WHERE is_active"));
        assertThat(items.size()).isGreaterThanOrEqualTo(30);
        assertThat(pages).isEqualTo((items.size() + 6) / 7);
        assertThat(items).extracting(item -> (String) item.get("sku")).isSorted().doesNotHaveDuplicates();
        assertThat(items).contains(Map.of("sku", "GAS-230G", "name", "Butane-propane cartridge 230 g", "weightGrams", 370,
                "price", "6.50", "currency", "EUR", "active", true));
        assertThat(api.get("/storage/v1/items").list("items")).hasSize(Math.min(50, items.size()));
        assertThat(api.get("/storage/v1/items?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/storage/v1/items?limit=201").status()).isEqualTo(400);
    }

    @Test
    void aMemberJoinsOnFirstUseWithTheHomeCellTheCallerNames() {
        String member = UUID.randomUUID().toString();

        Reply joined = api.send(api.request("/storage/v1/members/" + member).header(IdentityHeaders.HOME_CELL, "us-east-1").GET());
        Reply again = api.get("/storage/v1/members/" + member);
        Reply defaulted = api.get("/storage/v1/members/" + UUID.randomUUID());

        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.body()).containsEntry("id", member).containsEntry("homeCell", "us-east-1")
                .containsEntry("tier", "basic").containsEntry("status", "active").doesNotContainKeys("email", "name");
        assertThat(again.body()).isEqualTo(joined.body());
        assertThat(defaulted.text("homeCell")).isEqualTo("eu-west-1");
        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'member.joined' AND payload LIKE '%" + member + "%'"))
                .isEqualTo(1);
    }

    @Test
    void aProfileUpdateChangesWhatItNamesAndATierChangeIsHistory() {
        String member = UUID.randomUUID().toString();
        Map<String, Object> address = Map.of("line1", "1 Main St", "city", "Cork", "postalCode", "T12", "country", "IE");

        Reply contact = api.put("/storage/v1/members/" + member, Map.of("email", "ada@example.org", "name", "Ada", "postalAddress", address));
        Reply upgraded = api.put("/storage/v1/members/" + member, Map.of("tier", "premium"));

        assertThat(contact.status()).isEqualTo(200);
        assertThat(upgraded.body()).containsEntry("email", "ada@example.org").containsEntry("name", "Ada")
                .containsEntry("postalAddress", address).containsEntry("tier", "premium");
        assertThat(storage.count("SELECT count(*) FROM membership_history WHERE member_id = '" + member + "'")).isEqualTo(2);
        assertThat(storage.count("SELECT count(*) FROM membership_history WHERE member_id = '" + member + "' AND tier = 'premium'"))
                .isEqualTo(1);
    }

    @Test
    void aBadProfileUpdateIs400() {
        String path = "/storage/v1/members/" + UUID.randomUUID();

        assertThat(api.put(path, Map.of("tier", "gold")).status()).isEqualTo(400);
        assertThat(api.put(path, Map.of("email", "not-an-address")).status()).isEqualTo(400);
        assertThat(api.put(path, Map.of("nickname", "Ada")).status()).isEqualTo(400);
        assertThat(api.get("/storage/v1/members/" + "bad%20id").status()).isEqualTo(400);
    }
}
