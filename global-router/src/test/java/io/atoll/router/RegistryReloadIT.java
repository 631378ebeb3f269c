package io.atoll.router;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.atoll.router.domain.CurrentRegistry;
import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.router.store.RegistryFileWatcher;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The registry file reloads when it changes; a file that cannot be used is rejected and the last good registry kept. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryReloadIT implements TestPropertyProvider {
    private final StandInCell eu = new StandInCell("eu-west-1");
    private final StandInCell us = new StandInCell("us-east-1");
    private final StandInCell ap = new StandInCell("ap-southeast-2");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder().write(good());
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    @Inject
    DataPlaneServer dataPlane;
    @Inject
    CurrentRegistry current;
    private RouterClient client;

    @Override
    public Map<String, String> getProperties() {
        return RouterTestProperties.of(database, registry.file());
    }

    @BeforeAll
    void openClient() {
        client = new RouterClient(dataPlane.port());
    }

    @BeforeEach
    void captureWatcherLog() {
        log.list.clear();
        log.start();
        ((Logger) LoggerFactory.getLogger(RegistryFileWatcher.class)).addAppender(log);
    }

    @AfterEach
    void restoreGoodRegistry() {
        ((Logger) LoggerFactory.getLogger(RegistryFileWatcher.class)).detachAppender(log);
        registry.write(good());
        await().atMost(Duration.ofSeconds(5)).until(() -> current.get().cells().size() == 2 && current.lastRejection().isEmpty());
    }

    @AfterAll
    void stopCells() {
        eu.close();
        us.close();
        ap.close();
        database.close();
    }

    @Test
    void corruptFileIsRejectedWithOneLogLineAndTrafficContinues() {
        registry.write("{\"cells\": {\"sensitive\": false, \"value\": {\"eu-west-1\": {\"id\": ");

        await().atMost(Duration.ofSeconds(5)).until(() -> rejections().size() == 1);
        assertThat(rejections().get(0)).startsWith("Cell registry file " + registry.file() + " rejected, still routing by the registry loaded at ")
                .contains("it is not valid JSON");
        assertThat(current.lastRejection().orElseThrow().reason()).startsWith("it is not valid JSON");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> rejections().size() == 1);

        assertThat(servedBy("eu-west-1=5,us-east-1=90")).isEqualTo("eu-west-1");
        assertThat(servedBy("eu-west-1=90,us-east-1=5")).isEqualTo("us-east-1");
    }

    @Test
    void filesWithoutCellsOrWithBadUrlsOrDuplicateIdsAreRejected() {
        List<String> invalid = List.of(
                "{\"cells\": {\"sensitive\": false, \"value\": {}}}",
                "{\"cells\": {\"value\": {\"eu-west-1\": {\"id\": \"eu-west-1\", \"region\": \"eu-west-1\", \"ingress_url\": \"htp//eu\", \"state\": \"active\"}}}}",
                "{\"cells\": {\"value\": {"
                        + "\"a\": {\"id\": \"eu-west-1\", \"region\": \"eu-west-1\", \"ingress_url\": \"" + eu.url() + "\", \"state\": \"active\"},"
                        + "\"b\": {\"id\": \"eu-west-1\", \"region\": \"us-east-1\", \"ingress_url\": \"" + us.url() + "\", \"state\": \"active\"}}}}");
        List<String> reasons = List.of("it lists no cells", "ingress_url \"htp//eu\" is not of the form http://host[:port]",
                "cell id \"eu-west-1\" appears twice");

        for (int file = 0; file < invalid.size(); file++) {
            registry.write(invalid.get(file));
            int expected = file + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> rejections().size() == expected);
            assertThat(rejections().get(file)).endsWith(reasons.get(file));
        }

        assertThat(current.get().cells()).extracting(cell -> cell.id()).containsExactly("eu-west-1", "us-east-1");
        assertThat(servedBy("us-east-1=1")).isEqualTo("us-east-1");
    }

    @Test
    void missingFileIsRejectedToo() throws IOException {
        Files.delete(registry.file());

        await().atMost(Duration.ofSeconds(5)).until(() -> rejections().size() == 1);
        assertThat(rejections().get(0)).contains("it cannot be read");
        assertThat(servedBy("eu-west-1=1")).isEqualTo("eu-west-1");
    }

    @Test
    void validChangeIsAppliedWithinTheReloadInterval() {
        registry.write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us), RegistryFileWriter.entry(ap)));

        await().atMost(Duration.ofSeconds(5)).until(() -> "ap-southeast-2".equals(servedBy("ap-southeast-2=3,eu-west-1=200")));
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.startsWith("Cell registry reloaded from"));
    }

    private String servedBy(String rtt) {
        HttpResponse<String> response = client.get("/v1/feed", "X-Atoll-Rtt", rtt);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private List<String> rejections() {
        return log.list.stream().filter(event -> event.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<RegistryFileWriter.Entry> good() {
        return List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us));
    }
}
