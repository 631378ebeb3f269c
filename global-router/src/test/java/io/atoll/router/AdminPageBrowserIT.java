package io.atoll.router;

import io.atoll.testing.HeadlessChromium;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator's first visit to the admin page, in a real headless Chromium: the sign-in box says where the token
 * is and shows no error before one was given; signed in, both cells are listed; one is drained and undrained
 * from the page, and the router's API agrees. Needs Debian's {@code chromium} and {@code chromium-driver}
 * ({@code ./verify} installs them as root); without them it fails at once, saying so.
 */
@MicronautTest(environments = "dev")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPageBrowserIT implements TestPropertyProvider {
    private static final Duration PATIENCE = HeadlessChromium.PATIENCE;
    private static final String DEVELOPMENT_TOKEN = "local-operator-" + UUID.randomUUID();

    private final StandInCell eu = new StandInCell("eu-west-1");
    private final StandInCell us = new StandInCell("us-east-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder()
            .write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us)));
    @Inject
    EmbeddedServer adminServer;
    private RouterClient admin;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RouterTestProperties.of(database, registry.file()));
        properties.put("atoll.router.development-operator-token", DEVELOPMENT_TOKEN);
        return properties;
    }

    @BeforeAll
    void openBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        admin = new RouterClient(adminServer.getPort());
    }

    /** Forgets the last test's sign-in and leaves the page, so that each test loads it afresh. */
    @BeforeEach
    void startSignedOut() {
        browser.get(pageUrl());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get("about:blank");
    }

    @AfterAll
    void closeEverything() {
        if (chromium != null) {
            chromium.close();
        }
        eu.close();
        us.close();
        database.close();
    }

    @Test
    void operatorSignsInSeesBothCellsAndDrainsAndUndrainsOne() throws IOException {
        browser.get(pageUrl());

        WebElement signIn = browser.findElement(By.id("sign-in"));
        assertThat(signIn.isDisplayed()).isTrue();
        assertThat(signIn.getText()).contains(".atoll/router/admin-token").contains("atoll:operator").contains("--type operator");
        assertThat(browser.findElement(By.id("sign-in-error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector(".bad")).stream().filter(WebElement::isDisplayed)).isEmpty();
        screenshot("admin-page-sign-in.png");

        signInWith(DEVELOPMENT_TOKEN + "\n");

        awaitCell("eu-west-1", row -> assertThat(row.getText()).contains("READY").contains("Drain"));
        awaitCell("us-east-1", row -> assertThat(row.getText()).contains("READY").contains("Drain"));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        screenshot("admin-page-signed-in.png");

        cellButton("eu-west-1").click();

        awaitCell("eu-west-1", row -> assertThat(row.getText()).contains("by operator").contains("Undrain"));
        awaitCell("us-east-1", row -> assertThat(row.getText()).doesNotContain("by operator"));
        assertThat(cellsFromApi()).contains("{\"id\":\"eu-west-1\"").containsPattern("\"id\":\"eu-west-1\"[^}]*\"drainedBy\":\\[\"operator\"\\]");
        screenshot("admin-page-drained.png");

        cellButton("eu-west-1").click();

        awaitCell("eu-west-1", row -> assertThat(row.getText()).doesNotContain("by operator").contains("Drain"));
        assertThat(cellsFromApi()).doesNotContain("\"drainedBy\":[\"operator\"]");

        browser.findElement(By.id("sign-out")).click();

        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("sign-in-error")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#cells tr"))).isEmpty();
        assertThat(sessionToken()).isNull();
    }

    @Test
    void refusedTokenIsSaidInTheSignInBox() throws IOException {
        browser.get(pageUrl());

        signInWith("not-an-operator-token\n");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(browser.findElement(By.id("sign-in-error")).getText())
                .contains("refused (401)"));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();
        assertThat(sessionToken()).isNull();
        screenshot("admin-page-refused.png");
    }

    @Test
    void tokenEndpointAnswerPastedWholeSignsIn() {
        browser.get(pageUrl());

        signInWith("{\"access_token\":\"" + DEVELOPMENT_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":600}\n");

        awaitCell("eu-west-1", row -> assertThat(row.getText()).contains("Drain"));
        assertThat(sessionToken()).isEqualTo(DEVELOPMENT_TOKEN);
    }

    @Test
    void oneTimeLinkSignsInAndLeavesNoTokenInTheAddressBar() {
        browser.get(pageUrl() + "#token=" + DEVELOPMENT_TOKEN);

        awaitCell("us-east-1", row -> assertThat(row.getText()).contains("Drain"));
        assertThat(browser.getCurrentUrl()).doesNotContain(DEVELOPMENT_TOKEN).doesNotContain("#");
        assertThat(sessionToken()).isEqualTo(DEVELOPMENT_TOKEN);

        browser.navigate().refresh();

        awaitCell("us-east-1", row -> assertThat(row.getText()).contains("Drain"));
    }

    private String pageUrl() {
        return "http://127.0.0.1:" + adminServer.getPort() + "/";
    }

    private void signInWith(String typed) {
        browser.findElement(By.id("token")).sendKeys(typed);
    }

    private WebElement cellButton(String id) {
        return browser.findElement(By.cssSelector("tr[data-cell='" + id + "'] button"));
    }

    private void awaitCell(String id, Consumer<WebElement> expectation) {
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-cell='" + id + "']"));
            assertThat(rows).as("row of cell %s", id).hasSize(1);
            assertThat(rows.get(0).isDisplayed()).isTrue();
            expectation.accept(rows.get(0));
        });
    }

    private String cellsFromApi() {
        return admin.get("/admin/cells", "Authorization", "Bearer " + DEVELOPMENT_TOKEN).body();
    }

    private Object sessionToken() {
        return ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('atoll-operator-token')");
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
