package io.atoll.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.store.TeamLogins;
import io.atoll.devstack.cli.simulate.MobileClient;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.testing.HeadlessChromium;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data teams' console on the whole platform, in headless Chromium: a logistics person of the member's warehouse
 * region checks off the member's order and the member's feed through the router shows it fulfilled; a sales person
 * retires an item and the mobile catalogue through the router no longer offers it. The people get their logins as
 * `atoll data grant` gives them, on the cell's core primary, with passwords the primary asks for.
 */
class TeamConsoleJourneyIT {
    private static final String REGION = "eu-west-1";
    private static final String MEMBER_PASSWORD = "console-Passw0rd!";
    private static final String LOGISTICS = "e2e_logistics_eu";
    private static final String SALES = "e2e_sales";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The app learns of an order's change from storage's outbox relay through the broker, a moment after it is made. */
    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static E2ePlatform platform;
    private static TeamLogins logins;
    private static String staffPassword;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        platform = E2ePlatform.get();
        PostgresServer primary = platform.settings().coreDatabases().primaryServer();
        logins = new TeamLogins(Scopes.load(platform.settings().repository().orElseThrow().resolve("data-access/scopes")),
                primary.jdbcUrl(platform.cell(REGION).coreDatabase()), primary.user(), "");
        staffPassword = "Staff-" + UUID.randomUUID();
        logins.grant("logistics", LOGISTICS, staffPassword, Map.of("region", REGION));
        logins.grant("sales", SALES, staffPassword, Map.of());
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (logins != null) {
            logins.revoke("logistics", LOGISTICS);
            logins.revoke("sales", SALES);
        }
    }

    /** Each person signs in afresh: the session cookie of one is not the other's. */
    @BeforeEach
    void signedOut() {
        browser.get(platform.teamConsole().toString());
        browser.manage().deleteAllCookies();
        browser.get(platform.teamConsole().toString());
    }

    @Test
    void aLogisticsPersonChecksOffAMembersOrderAndTheMembersFeedShowsItFulfilled() throws Exception {
        Member member = Member.signedUp();
        JsonNode item = member.client.get(member.token, "/v1/items?limit=1").body().path("items").get(0);
        // A German address: the order ships from the eu-west-1 warehouse, whose orders the person sees.
        MobileClient.Exchange placed = member.client.placeOrder(member.token, UUID.randomUUID().toString(), Map.of(
                "lines", List.of(Map.of("sku", item.path("sku").asText(), "quantity", 2)),
                "destination", Map.of("line1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117", "country", "DE")));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.cell()).isEqualTo(REGION);
        String orderId = placed.body().path("id").asText();

        signIn(LOGISTICS);
        assertThat(browser.findElement(By.id("who")).getText()).contains(LOGISTICS).contains("logistics");
        screenshot("team-console-journey-logistics.png");
        chromium.press(browser.findElement(By.cssSelector("tr[data-order='" + orderId + "'] button[value='fulfilled']")));

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The order is fulfilled.");
        assertThat(browser.findElements(By.cssSelector("tr[data-order='" + orderId + "']"))).as("no longer waiting to ship").isEmpty();
        try (Connection core = platform.coreDatabase(REGION);
             PreparedStatement query = core.prepareStatement("""
                     SELECT o.status, t.from_status, t.to_status, t.actor
                     FROM orders o JOIN fulfilment_transactions t ON t.order_id = o.id
                     WHERE o.id = ?::uuid AND t.to_status = 'fulfilled'""")) {
            query.setString(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the order's fulfilment transaction in core_eu_west_1").isTrue();
                assertThat(row.getString("status")).isEqualTo("fulfilled");
                assertThat(row.getString("from_status")).isEqualTo("placed");
                assertThat(row.getString("actor")).isEqualTo(LOGISTICS);
                assertThat(row.next()).as("one transaction").isFalse();
            }
        }
        Awaitility.await("the member's feed shows the order fulfilled").atMost(PROPAGATION).pollInterval(Duration.ofMillis(250))
                .until(() -> member.feedHas("order.fulfilled", orderId));
        assertThat(member.client.get(member.token, "/v1/orders/" + orderId).body().path("status").asText()).isEqualTo("fulfilled");
    }

    /**
     * The item retired is one the sales person adds first, so that the catalogue the other journeys order from keeps
     * all its items.
     */
    @Test
    void aSalesPersonRetiresAnItemAndTheMobileCatalogueNoLongerOffersIt() throws Exception {
        Member member = Member.signedUp();
        String sku = "E2E-" + Long.toString(System.nanoTime(), 36).toUpperCase();

        signIn(SALES);
        chromium.type("sku", sku);
        chromium.type("name", "Console lantern");
        chromium.type("weight", "340");
        chromium.type("price", "24.90");
        chromium.press(browser.findElement(By.cssSelector("#add-item button[type='submit']")));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The item is in the catalogue.");
        Awaitility.await("the mobile catalogue offers the new item").atMost(PROPAGATION).pollInterval(Duration.ofMillis(250))
                .until(() -> member.offered(sku).isPresent());
        assertThat(member.offered(sku).orElseThrow().path("weightGrams").asInt()).isEqualTo(340);

        chromium.press(browser.findElement(By.cssSelector("tr[data-sku='" + sku + "'] button")));
        screenshot("team-console-journey-sales.png");

        assertThat(browser.findElement(By.id("message")).getText()).contains("The item is retired");
        Awaitility.await("the mobile catalogue no longer offers the item").atMost(PROPAGATION).pollInterval(Duration.ofMillis(250))
                .until(() -> member.offered(sku).isEmpty());
        try (Connection core = platform.coreDatabase(REGION);
             PreparedStatement query = core.prepareStatement("SELECT is_active FROM items WHERE sku = ?")) {
            query.setString(1, sku);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("retired, not deleted").isTrue();
                assertThat(row.getBoolean("is_active")).isFalse();
            }
        }
    }

    /** A member signed up and logged in through the router from the journey's region. */
    private record Member(MobileClient client, String token) {
        static Member signedUp() throws IOException {
            MobileClient client = new MobileClient(HTTP, platform.router(), "console-" + UUID.randomUUID() + "@example.test", REGION);
            assertThat(client.signUp(MEMBER_PASSWORD).status()).isEqualTo(201);
            return new Member(client, client.logIn(MEMBER_PASSWORD).body().path("access_token").asText());
        }

        boolean feedHas(String type, String sourceId) throws IOException {
            for (JsonNode item : client.get(token, "/v1/sync?limit=50").body().path("items")) {
                if (type.equals(item.path("type").asText()) && sourceId.equals(item.path("sourceId").asText())) {
                    return true;
                }
            }
            return false;
        }

        /** The item as the mobile catalogue offers it, read page by page. */
        Optional<JsonNode> offered(String sku) throws IOException {
            String after = "";
            do {
                JsonNode page = client.get(token, "/v1/items?limit=200" + (after.isEmpty() ? "" : "&after=" + after)).body();
                for (JsonNode item : page.path("items")) {
                    if (sku.equals(item.path("sku").asText())) {
                        return Optional.of(item);
                    }
                }
                after = page.path("next").asText("");
            } while (!after.isEmpty());
            return Optional.empty();
        }
    }

    private void signIn(String login) {
        chromium.type("login", login);
        chromium.type("password", staffPassword);
        browser.findElements(By.cssSelector("#cell option")).stream().filter(option -> option.getText().equals(REGION))
                .findFirst().orElseThrow().click();
        chromium.press(browser.findElement(By.cssSelector("#sign-in button[type='submit']")));
        assertThat(browser.findElements(By.id("sign-out"))).as("signed in as " + login).isNotEmpty();
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
