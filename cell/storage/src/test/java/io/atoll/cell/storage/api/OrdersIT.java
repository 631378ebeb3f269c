package io.atoll.cell.storage.api;

import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.Orders;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersIT {
    private final StorageUnderTest storage = StorageUnderTest.create("storage_orders");
    private final EmbeddedServer server = storage.start(Map.of("atoll.storage.outbox.relay-enabled", false));
    private final Api api = storage.api(server);

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    @Test
    void anOrderIsPlacedWithPricesWeightsTotalsAndItsWarehouse() {
        String member = newMember();

        Reply placed = api.placeOrder(member, "key-1", Orders.body("DE", "TENT-2P-ULTRA", 1, "GAS-230G", 3));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.header("Location")).isEqualTo("/storage/v1/members/" + member + "/orders/" + placed.text("id"));
        assertThat(placed.body()).containsEntry("memberId", member).containsEntry("status", "placed")
                .containsEntry("totalPrice", "408.50").containsEntry("currency", "EUR")
                .containsEntry("totalWeightGrams", 1350 + 3 * 370).containsEntry("warehouseRegion", "eu-west-1");
        assertThat(placed.list("lines")).containsExactly(
                Map.of("sku", "TENT-2P-ULTRA", "name", "Ultralight two-person tent", "quantity", 1, "unitPrice", "389.00", "unitWeightGrams", 1350),
                Map.of("sku", "GAS-230G", "name", "Butane-propane cartridge 230 g", "quantity", 3, "unitPrice", "6.50", "unitWeightGrams", 370));
        assertThat(api.get(placed.header("Location")).body()).isEqualTo(placed.body());
        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'order.placed'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theWarehouseFollowsTheDestinationCountry() {
        String member = newMember();

        assertThat(api.placeOrder(member, "us", Orders.body("US", "GAS-230G", 1)).text("warehouseRegion")).isEqualTo("us-east-1");
        assertThat(api.placeOrder(member, "gb", Orders.body("GB", "GAS-230G", 1)).text("warehouseRegion")).isEqualTo("eu-west-1");
        assertThat(api.placeOrder(member, "jp", Orders.body("JP", "GAS-230G", 1)).text("warehouseRegion")).isEqualTo("eu-west-1");
    }

    @Test
    void theSameKeyWithTheSameBodyAnswersTheSameOrderAndPlacesNoOther() {
        String member = newMember();
        Reply first = api.placeOrder(member, "retry-me", Orders.body("FR", "BAR-OAT-12", 2));

        Reply retried = api.placeOrder(member, "retry-me", Orders.body("FR", "BAR-OAT-12", 2));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(ordersOf(member)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String member = newMember();
        api.placeOrder(member, "reused", Orders.body("FR", "BAR-OAT-12", 2));

        Reply other = api.placeOrder(member, "reused", Orders.body("FR", "BAR-OAT-12", 3));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).isEqualTo("application/problem+json");
        assertThat(ordersOf(member)).isEqualTo(1);
    }

    @Test
    void identicalRequestsRacingPlaceExactlyOneOrder() throws Exception {
        String member = newMember();
        api.get("/storage/v1/members/" + member);
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int racer = 0; racer < racers; racer++) {
                Callable<Reply> place = () -> {
                    start.await();
                    return api.placeOrder(member, "raced", Orders.body("NL", "LAMP-HEAD-400", 1));
                };
                replies.add(threads.submit(place));
            }
            List<Reply> answers = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answers.add(reply.get());
            }

            assertThat(answers).extracting(Reply::status).containsOnly(201, 200).containsOnlyOnce(201);
            assertThat(answers).extracting(reply -> reply.text("id")).containsOnly(answers.get(0).text("id"));
            assertThat(ordersOf(member)).isEqualTo(1);
            assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'order.placed' AND payload LIKE '%"
                    + answers.get(0).text("id") + "%'")).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRequestWithoutAnIdempotencyKeyOrWithABadBodyIs400() {
        String member = newMember();
        Reply noKey = api.post("/storage/v1/members/" + member + "/orders", Orders.body("FR", "BAR-OAT-12", 1));
        Reply unknownField = api.placeOrder(member, "k", Map.of("lines", List.of(Map.of("sku", "BAR-OAT-12", "quantity", 1)),
                "destination", Orders.body("FR").get("destination"), "coupon", "FREE"));
        Reply noLines = api.placeOrder(member, "k", Orders.body("FR"));
        Reply tooMany = api.placeOrder(member, "k", Orders.body("FR", "BAR-OAT-12", 1001));
        Reply badCountry = api.placeOrder(member, "k", Orders.body("france", "BAR-OAT-12", 1));

        assertThat(List.of(noKey, unknownField, noLines, tooMany, badCountry)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        });
        assertThat(ordersOf(member)).isZero();
    }

    @Test
    void anUnknownOrRetiredItemIs422NamingIt() {
        String member = newMember();
        storage.execute("UPDATE items SET is_active = false WHERE sku = 'HAT-SUN'");

        Reply unknown = api.placeOrder(member, "a", Orders.body("FR", "NO-SUCH-THING", 1));
        Reply retired = api.placeOrder(member, "b", Orders.body("FR", "GAS-230G", 1, "HAT-SUN", 1));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("detail")).contains("NO-SUCH-THING");
        assertThat(retired.status()).isEqualTo(422);
        assertThat(retired.text("detail")).contains("HAT-SUN");
        assertThat(api.get("/storage/v1/items?limit=200").list("items")).extracting(item -> item.get("sku")).doesNotContain("HAT-SUN");
    }

    @Test
    void anotherMembersOrderIs404() {
        String owner = newMember();
        String other = newMember();
        String orderId = api.placeOrder(owner, "mine", Orders.body("FR", "GAS-230G", 1)).text("id");

        assertThat(api.get("/storage/v1/members/" + other + "/orders/" + orderId).status()).isEqualTo(404);
        assertThat(api.get("/storage/v1/members/" + owner + "/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/storage/v1/members/" + owner + "/orders/" + orderId).status()).isEqualTo(200);
    }

    @Test
    void aMembersOrdersArePagedNewestFirst() {
        String member = newMember();
        List<String> placed = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            placed.add(0, api.placeOrder(member, "page-" + index, Orders.body("FR", "GAS-230G", index + 1)).text("id"));
        }

        Reply first = api.get("/storage/v1/members/" + member + "/orders?limit=2");
        Reply second = api.get("/storage/v1/members/" + member + "/orders?limit=2&before=" + first.text("next"));
        Reply last = api.get("/storage/v1/members/" + member + "/orders?limit=2&before=" + second.text("next"));

        List<Object> seen = new ArrayList<>();
        for (Reply page : List.of(first, second, last)) {
            page.list("orders").forEach(order -> seen.add(order.get("id")));
        }
        assertThat(seen).containsExactlyElementsOf(placed);
        assertThat(last.text("next")).isNull();
        assertThat(api.get("/storage/v1/members/" + member + "/orders?before=not-a-cursor").status()).isEqualTo(400);
    }

    @Test
    void anOpenOrderIsFulfilledOrCancelledOnceAndEachMoveIsRecorded() {
        String member = newMember();
        String fulfilled = api.placeOrder(member, "f", Orders.body("FR", "GAS-230G", 1)).text("id");
        String cancelled = api.placeOrder(member, "c", Orders.body("FR", "GAS-230G", 1)).text("id");

        Reply fulfil = api.post("/storage/v1/orders/" + fulfilled + "/transitions", Map.of("status", "fulfilled", "actor", "logistics:jo"));
        Reply cancel = api.post("/storage/v1/orders/" + cancelled + "/transitions", Map.of("status", "cancelled", "actor", "ops:sam"));
        Reply again = api.post("/storage/v1/orders/" + fulfilled + "/transitions", Map.of("status", "cancelled", "actor", "ops:sam"));
        Reply backToPlaced = api.post("/storage/v1/orders/" + cancelled + "/transitions", Map.of("status", "placed", "actor", "ops:sam"));
        Reply unknown = api.post("/storage/v1/orders/" + UUID.randomUUID() + "/transitions", Map.of("status", "fulfilled", "actor", "x"));

        assertThat(fulfil.status()).isEqualTo(200);
        assertThat(fulfil.text("status")).isEqualTo("fulfilled");
        assertThat(cancel.text("status")).isEqualTo("cancelled");
        assertThat(again.status()).isEqualTo(409);
        assertThat(backToPlaced.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/storage/v1/members/" + member + "/orders/" + fulfilled).text("status")).isEqualTo("fulfilled");
        assertThat(storage.count("SELECT count(*) FROM fulfilment_transactions WHERE order_id = '" + fulfilled
                + "' AND to_status = 'fulfilled' AND actor = 'logistics:jo'")).isEqualTo(1);
        assertThat(storage.count("SELECT count(*) FROM fulfilment_transactions WHERE order_id = '" + fulfilled + "'")).isEqualTo(1);
        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'order.fulfilled' AND payload LIKE '%" + fulfilled + "%'"))
                .isEqualTo(1);
        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'order.cancelled' AND payload LIKE '%" + cancelled + "%'"))
                .isEqualTo(1);
    }

    private long ordersOf(String member) {
        return storage.count("SELECT count(*) FROM orders WHERE member_id = '" + member + "'");
    }

    private static String newMember() {
        return UUID.randomUUID().toString();
    }
}
