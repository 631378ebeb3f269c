package io.atoll.dataaccess.api;

import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.TeamPeopleFixture;
import io.atoll.testing.HeadlessChromium;
import io.atoll.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static io.atoll.dataaccess.TeamPeopleFixture.EU_ORDER;
import static io.atoll.dataaccess.TeamPeopleFixture.EU_ORDER_TO_MOVE;
import static io.atoll.dataaccess.TeamPeopleFixture.US_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team console in a real headless Chromium: a logistics person checks off an order of their region and the
 * database holds the order fulfilled with its fulfilment transaction (by them) and its outbox event; a sales person
 * adds an item and retires it; a wrong sign-in and a form without its token are refused. Needs Debian's
 * {@code chromium} and {@code chromium-driver} ({@code ./verify} installs them as root); without them it fails at once,
 * saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamConsoleBrowserIT {
    private PostgresDatabase database;
    private TeamPeopleFixture people;
    private TeamConsoleService service;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        database = CoreDatabaseFixture.create("data_access_console_browser");
        people = TeamPeopleFixture.create(database);
        service = TeamConsoleService.start(database);
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    /** Each test signs in afresh. */
    @BeforeEach
    void signedOut() {
        browser.get(service.consoleUrl());
        browser.manage().deleteAllCookies();
        browser.get(service.consoleUrl());
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
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
    void aLogisticsPersonChecksOffAnOrderOfTheirRegion() throws Exception {
        signIn(people.euLogistics(), people.password());

        assertThat(browser.findElement(By.id("who")).getText()).contains(people.euLogistics()).contains("logistics").contains("eu-west-1");
        assertThat(orderRows()).containsExactlyInAnyOrder(EU_ORDER.toString(), EU_ORDER_TO_MOVE.toString());
        assertThat(browser.getPageSource()).doesNotContain(US_ORDER.toString());
        screenshot("team-console-logistics.png");

        chromium.press(browser.findElement(By.cssSelector("tr[data-order='" + EU_ORDER_TO_MOVE + "'] button[value='fulfilled']")));

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The order is fulfilled.");
        assertThat(orderRows()).containsExactly(EU_ORDER.toString());
        assertThat(service.ownerText("SELECT status FROM orders WHERE id = '" + EU_ORDER_TO_MOVE + "'")).isEqualTo("fulfilled");
        assertThat(service.ownerText("SELECT from_status || '>' || to_status || ' by ' || actor FROM fulfilment_transactions WHERE order_id = '"
                + EU_ORDER_TO_MOVE + "'")).isEqualTo("placed>fulfilled by " + people.euLogistics());
        assertThat(service.ownerText("SELECT count(*) FROM outbox_events WHERE type = 'order.fulfilled' AND payload LIKE '%"
                + EU_ORDER_TO_MOVE + "%'")).isEqualTo("1");

        chromium.press(browser.findElement(By.id("refresh")));

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The daily orders are counted anew.");
        List<WebElement> days = browser.findElements(By.cssSelector("#daily-orders tbody tr"));
        assertThat(days).hasSize(1);
        assertThat(days.get(0).getText()).contains("eu-west-1").doesNotContain("us-east-1");
        screenshot("team-console-logistics-checked-off.png");

        chromium.press(browser.findElement(By.id("sign-out")));

        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
    }

    @Test
    void aSalesPersonAddsAnItemAndRetiresIt() throws Exception {
        signIn(people.of("sales"), people.password());
        String sku = "BROWSER-" + Long.toString(System.nanoTime(), 36).toUpperCase();

        chromium.type("sku", sku);
        chromium.type("name", "Folding spork");
        chromium.type("weight", "12");
        chromium.type("price", "4.50");
        chromium.press(browser.findElement(By.cssSelector("#add-item button[type='submit']")));

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The item is in the catalogue.");
        assertThat(itemRow(sku).getText()).contains("Folding spork").contains("4.50 EUR").contains("active");
        assertThat(service.ownerText("SELECT is_active FROM items WHERE sku = '" + sku + "'")).isEqualTo("t");
        screenshot("team-console-sales.png");

        chromium.press(itemRow(sku).findElement(By.tagName("button")));

        assertThat(browser.findElement(By.id("message")).getText()).contains("The item is retired");
        assertThat(itemRow(sku).getText()).contains("retired");
        assertThat(itemRow(sku).findElements(By.tagName("button"))).isEmpty();
        assertThat(service.ownerText("SELECT is_active FROM items WHERE sku = '" + sku + "'")).isEqualTo("f");
    }

    @Test
    void aBadFieldIsSaidOnThePage() {
        signIn(people.of("sales"), people.password());

        chromium.type("sku", "BAD-WEIGHT");
        chromium.type("name", "Anvil");
        chromium.type("weight", "a lot");
        chromium.type("price", "1");
        chromium.press(browser.findElement(By.cssSelector("#add-item button[type='submit']")));

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The weight is a whole number of grams, not 'a lot'.");
    }

    @Test
    void aLoginTheDatabaseDoesNotKnowIsRefused() throws IOException {
        signIn("da_nobody_" + System.nanoTime(), "whatever-it-is");

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The database of eu-west-1 did not accept that login and password.");
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        screenshot("team-console-refused.png");
    }

    @Test
    void aWrongPasswordIsRefused() {
        Assumptions.assumeTrue(service.serverChecksPasswords(people.euLogistics()),
                "the database server trusts local logins: no password can be wrong there");

        signIn(people.euLogistics(), "not-" + people.password());

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("The database of eu-west-1 did not accept that login and password.");
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();
    }

    @Test
    void aFormWithoutItsTokenIsRefused() throws Exception {
        signIn(people.euLogistics(), people.password());
        WebElement cancel = browser.findElement(By.cssSelector("tr[data-order='" + EU_ORDER + "'] button[value='cancelled']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].form.querySelector(\"input[name='csrf']\").remove()", cancel);

        chromium.press(cancel);

        assertThat(browser.findElement(By.id("message")).getText()).contains("This form did not come from your console page");
        assertThat(service.ownerText("SELECT status FROM orders WHERE id = '" + EU_ORDER + "'")).isEqualTo("placed");
    }

    private void signIn(String login, String password) {
        chromium.type("login", login);
        chromium.type("password", password);
        browser.findElements(By.cssSelector("#cell option")).stream().filter(option -> option.getText().equals(CoreDatabaseFixture.CELL))
                .findFirst().orElseThrow().click();
        chromium.press(browser.findElement(By.cssSelector("#sign-in button[type='submit']")));
    }

    private List<String> orderRows() {
        return browser.findElements(By.cssSelector("#open-orders tbody tr")).stream().map(row -> row.getAttribute("data-order")).toList();
    }

    private WebElement itemRow(String sku) {
        return browser.findElement(By.cssSelector("tr[data-sku='" + sku + "']"));
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
