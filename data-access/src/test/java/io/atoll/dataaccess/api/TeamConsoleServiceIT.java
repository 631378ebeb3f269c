package io.atoll.dataaccess.api;

import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.TeamPeopleFixture;
import io.atoll.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.atoll.dataaccess.TeamPeopleFixture.EU_ORDER;
import static io.atoll.dataaccess.TeamPeopleFixture.EU_ORDER_TO_MOVE;
import static io.atoll.dataaccess.TeamPeopleFixture.US_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over HTTP, as a browser without JavaScript would use it, on the service as it runs and a core database
 * with people of each team: each action is the person's own, so the database's grants, row policies and triggers
 * answer, and the console shows their answer.
 */
class TeamConsoleServiceIT {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static PostgresDatabase database;
    private static TeamPeopleFixture people;
    private static TeamConsoleService service;

    @BeforeAll
    static void start() throws Exception {
        database = CoreDatabaseFixture.create("data_access_console");
        people = TeamPeopleFixture.create(database);
        service = TeamConsoleService.start(database);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (people != null) {
            people.drop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aLoginTheDatabaseDoesNotKnowIsRefusedWithOnePlainMessage() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> answer = browser.signIn("da_nobody_" + System.nanoTime(), "whatever-it-is");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("did not accept that login and password").contains("id=\"sign-in\"")
                .doesNotContain("Exception").doesNotContain("at io.").doesNotContain("FATAL");
        assertThat(browser.get("/console").body()).contains("id=\"sign-in\"");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Assumptions.assumeTrue(service.serverChecksPasswords(people.of("sales")),
                "the database server trusts local logins: no password can be wrong there");

        HttpResponse<String> answer = new Browser().signIn(people.of("sales"), "not-" + people.password());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("did not accept that login and password");
    }

    @Test
    void theSignInFormNeedsItsToken() throws Exception {
        Browser browser = new Browser();
        browser.get("/console");

        HttpResponse<String> answer = browser.post("/console/sign-in", Map.of("login", people.of("sales"), "password", people.password(),
                "cell", CoreDatabaseFixture.CELL));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).doesNotStartWith("atoll-console="));
    }

    @Test
    void aLogisticsPersonSeesTheirRegionsOpenOrdersAndChecksOneOff() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn(people.euLogistics(), people.password());

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("atoll-console=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/console"));
        String page = browser.get("/console").body();
        assertThat(page).contains(EU_ORDER.toString()).contains(EU_ORDER_TO_MOVE.toString()).doesNotContain(US_ORDER.toString())
                .contains("Daily orders");

        HttpResponse<String> withoutToken = browser.post("/console/orders/status", Map.of("order", EU_ORDER.toString(), "status", "fulfilled"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(service.ownerText("SELECT status FROM orders WHERE id = '" + EU_ORDER + "'")).isEqualTo("placed");

        HttpResponse<String> checkedOff = browser.submit("/console/orders/status", Map.of("order", EU_ORDER.toString(), "status", "fulfilled"));
        assertThat(checkedOff.statusCode()).isEqualTo(303);
        assertThat(service.ownerText("SELECT status FROM orders WHERE id = '" + EU_ORDER + "'")).isEqualTo("fulfilled");
        assertThat(service.ownerText("SELECT from_status || '>' || to_status || ' by ' || actor FROM fulfilment_transactions WHERE order_id = '"
                + EU_ORDER + "'")).isEqualTo("placed>fulfilled by " + people.euLogistics());
        assertThat(service.ownerText("SELECT count(*) FROM outbox_events WHERE type = 'order.fulfilled' AND payload LIKE '%" + EU_ORDER + "%'"))
                .isEqualTo("1");
        assertThat(browser.get("/console?done=fulfilled").body()).contains("The order is fulfilled.").doesNotContain("data-order=\"" + EU_ORDER);

        HttpResponse<String> again = browser.submit("/console/orders/status", Map.of("order", EU_ORDER.toString(), "status", "cancelled"));
        assertThat(again.statusCode()).as("the trigger refuses a fulfilled order's change").isEqualTo(403);
        assertThat(again.body()).contains("The database refused: order " + EU_ORDER + " is fulfilled and cannot become cancelled");

        HttpResponse<String> otherRegion = browser.submit("/console/orders/status", Map.of("order", US_ORDER.toString(), "status", "fulfilled"));
        assertThat(otherRegion.statusCode()).as("the row policy hides the other region's order").isEqualTo(404);
        assertThat(service.ownerText("SELECT status FROM orders WHERE id = '" + US_ORDER + "'")).isEqualTo("placed");

        assertThat(browser.submit("/console/orders/status", Map.of("order", "not-an-id", "status", "fulfilled")).statusCode()).isEqualTo(400);

        assertThat(browser.submit("/console/daily-orders/refresh", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/console").body()).contains("<table id=\"daily-orders\"").contains("eu-west-1").doesNotContain("us-east-1");

        assertThat(browser.submit("/console/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.post("/console/daily-orders/refresh", Map.of("csrf", browser.lastToken)).statusCode()).isEqualTo(401);
        assertThat(browser.get("/console").body()).contains("id=\"sign-in\"");
    }

    @Test
    void aSalesPersonAddsAnItemAndRetiresItAndCannotTouchAnOrder() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(people.of("sales"), people.password()).statusCode()).isEqualTo(303);
        String sku = "CONSOLE-" + Long.toString(System.nanoTime(), 36).toUpperCase();

        HttpResponse<String> heavy = browser.submit("/console/items", item(sku, "heavy"));
        assertThat(heavy.statusCode()).isEqualTo(400);
        assertThat(heavy.body()).contains("The weight is a whole number of grams, not &#39;heavy&#39;.");
        assertThat(browser.submit("/console/items", item("", "85")).statusCode()).isEqualTo(400);

        assertThat(browser.submit("/console/items", item(sku, "85")).statusCode()).isEqualTo(303);
        assertThat(service.ownerText("SELECT name || ' ' || weight_grams || ' ' || price || ' ' || currency || ' ' || is_active FROM items WHERE sku = '"
                + sku + "'")).isEqualTo("Stove <mini> 85 29.90 EUR true");
        String page = browser.get("/console").body();
        assertThat(page).contains("data-sku=\"" + sku + "\"").contains("Stove &lt;mini&gt;").doesNotContain("Stove <mini>");

        assertThat(browser.submit("/console/items", item(sku, "85")).statusCode()).as("the same SKU again").isEqualTo(400);

        assertThat(browser.submit("/console/items/retire", Map.of("sku", sku)).statusCode()).isEqualTo(303);
        assertThat(service.ownerText("SELECT is_active FROM items WHERE sku = '" + sku + "'")).isEqualTo("f");

        HttpResponse<String> order = browser.submit("/console/orders/status", Map.of("order", US_ORDER.toString(), "status", "fulfilled"));
        assertThat(order.statusCode()).isEqualTo(403);
        assertThat(order.body()).contains("The database refused: permission denied");
        assertThat(service.ownerText("SELECT status FROM orders WHERE id = '" + US_ORDER + "'")).isEqualTo("placed");
    }

    @Test
    void anAnalyticsPersonIsToldTheConsoleHasNothingForThem() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(people.of("analytics"), people.password()).statusCode()).isEqualTo(303);

        assertThat(browser.get("/console").body()).contains("The console has nothing for the analytics team");
    }

    private static Map<String, String> item(String sku, String weight) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sku", sku);
        form.put("name", "Stove <mini>");
        form.put("weight", weight);
        form.put("price", "29.90");
        form.put("currency", "EUR");
        return form;
    }

    /** A browser's share of it: its cookies, and the token of the last page it was shown. */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        String lastToken;

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return remember(client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        /** Posts a form as it is given, with no token unless it holds one. */
        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return remember(client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        /** Posts a form of the page last shown, with its token. */
        HttpResponse<String> submit(String path, Map<String, String> form) throws IOException, InterruptedException {
            if (lastToken == null) {
                get("/console");
            }
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.put("csrf", lastToken);
            return post(path, withToken);
        }

        HttpResponse<String> signIn(String login, String password) throws IOException, InterruptedException {
            get("/console");
            HttpResponse<String> answer = submit("/console/sign-in", Map.of("login", login, "password", password, "cell", CoreDatabaseFixture.CELL));
            if (answer.statusCode() == 303) {
                get("/console");
            }
            return answer;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.consoleUrl().replace("/console", "") + path));
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return builder;
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || header.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                lastToken = token.group(1);
            }
            return response;
        }
    }
}
