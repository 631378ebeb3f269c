package io.atoll.router;

import io.atoll.testing.HeadlessChromium;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router's Swagger UI, on its admin (management) port, opens in a real headless Chromium with nothing from the
 * internet: the page, Swagger UI's script and styles and the generated OpenAPI document are all the router's own, and
 * the page shows the admin API's operations. Every service serves the same generated page and files through the same
 * endpoints of cell/contracts, so this one browser test stands for all of them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwaggerUiBrowserIT implements TestPropertyProvider {
    private final StandInCell cell = new StandInCell("eu-west-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder().write(List.of(RegistryFileWriter.entry(cell)));
    @Inject
    EmbeddedServer adminServer;
    private HeadlessChromium chromium;

    @Override
    public Map<String, String> getProperties() {
        return RouterTestProperties.of(database, registry.file());
    }

    @AfterAll
    void closeEverything() {
        if (chromium != null) {
            chromium.close();
        }
        cell.close();
        database.close();
    }

    @Test
    void theAdminApisSwaggerUiOpensAndListsItsOperations() {
        chromium = HeadlessChromium.start();
        WebDriver browser = chromium.browser();

        browser.get("http://127.0.0.1:" + adminServer.getPort() + "/swagger-ui");

        await().atMost(HeadlessChromium.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).contains("atoll-router");
            assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")).stream().map(path -> path.getAttribute("data-path")))
                    .contains("/admin/cells", "/admin/cells/{id}/drain");
        });
        Object loaded = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(function (r) { return r.name; })");
        assertThat((List<?>) loaded).as("everything the page loaded came from the router itself")
                .isNotEmpty().allSatisfy(url -> assertThat(url.toString()).startsWith("http://127.0.0.1:" + adminServer.getPort() + "/"));
    }
}
