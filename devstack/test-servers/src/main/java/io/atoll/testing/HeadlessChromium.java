package io.atoll.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Debian's {@code chromium}, headless, driven through its {@code chromium-driver} for the browser tests; without them a
 * test fails at once, saying what to install ({@code ./verify} installs them as root). A module using it declares
 * {@code selenium-chrome-driver} among its own test dependencies.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService driverService;
    private final WebDriver browser;

    private HeadlessChromium(ChromeDriverService driverService, WebDriver browser) {
        this.driverService = driverService;
        this.browser = browser;
    }

    public static HeadlessChromium start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run ./verify as root, or apt-get install chromium chromium-driver");
        }
        // The driver and the browser are named outright, so Selenium never looks for (or downloads) either.
        ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withTimeout(PATIENCE).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--window-size=1400,800");
        WebDriver browser = new ChromeDriver(driverService, options, ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(30)));
        browser.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        return new HeadlessChromium(driverService, browser);
    }

    public WebDriver browser() {
        return browser;
    }

    /** Presses a form's button and waits for the page it leads to: a click returns before the browser has left the page. */
    public void press(WebElement button) {
        WebElement leaving = browser.findElement(By.tagName("html"));
        button.click();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                leaving.isEnabled();
            } catch (StaleElementReferenceException left) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page was not left within " + PATIENCE.toSeconds() + " s of pressing " + button.getText());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** Replaces what the input of this id holds with {@code text}. */
    public void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    @Override
    public void close() {
        browser.quit();
        driverService.stop();
    }
}
