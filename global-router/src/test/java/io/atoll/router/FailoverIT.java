package io.atoll.router;

import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cell stops under load: its members are served by the other cell within two seconds, few requests fail,
 * and the members return home when the cell is back. A cell whose readiness probe fails loses its members
 * the same way.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverIT implements TestPropertyProvider {
    private static final int THREADS = 4;
    private static final int MAX_REQUESTS_PER_THREAD = 5_000;
    private static final Duration MAX_LOAD_TIME = Duration.ofSeconds(20);

    private final StandInCell eu = new StandInCell("eu-west-1");
    private final StandInCell us = new StandInCell("us-east-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder()
            .write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us)));
    private final String euMember = "Bearer " + new TestTokens("eu-west-1").member("eu-west-1");
    @Inject
    DataPlaneServer dataPlane;

    @Override
    public Map<String, String> getProperties() {
        return RouterTestProperties.of(database, registry.file());
    }

    @AfterAll
    void stopCells() {
        eu.close();
        us.close();
        database.close();
    }

    @Test
    void membersOfAStoppedCellAreServedElsewhereWithinTwoSecondsAndReturnHomeAfterwards() throws InterruptedException {
        RouterClient client = new RouterClient(dataPlane.port());
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(THREADS);
        long loadDeadline = System.nanoTime() + MAX_LOAD_TIME.toNanos();
        for (int thread = 0; thread < THREADS; thread++) {
            load.execute(() -> {
                for (int request = 0; request < MAX_REQUESTS_PER_THREAD && running.get() && System.nanoTime() < loadDeadline; request++) {
                    outcomes.add(send(client, request % 2 == 0 ? "GET" : "POST"));
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.stream().filter(outcome -> outcome.servedBy("eu-west-1")).count() >= 100);

            long stoppedAt = System.nanoTime();
            eu.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> firstAfter(outcomes, stoppedAt, "failover").isPresent());
            Outcome firstElsewhere = outcomes.stream().filter(outcome -> outcome.at() > stoppedAt && outcome.servedBy("us-east-1"))
                    .min((a, b) -> Long.compare(a.at(), b.at())).orElseThrow();
            Outcome firstFailover = firstAfter(outcomes, stoppedAt, "failover").orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.stream().filter(outcome -> outcome.at() > firstFailover.at()).count() >= 500);

            List<Outcome> afterStop = outcomes.stream().filter(outcome -> outcome.at() > stoppedAt).toList();
            long failed = afterStop.stream().filter(outcome -> !outcome.succeeded()).count();
            long failedPosts = afterStop.stream().filter(outcome -> !outcome.succeeded() && outcome.method().equals("POST")).count();
            double failedShare = (double) failed / afterStop.size();
            System.out.printf("Failover: first answer from us-east-1 %d ms after the stop (%s), first by health-based failover after %d ms;"
                            + " %d of %d requests after the stop failed (%.2f %%; %d of them POSTs without an Idempotency-Key, which are not replayed)%n",
                    millis(firstElsewhere.at() - stoppedAt), firstElsewhere.reason(), millis(firstFailover.at() - stoppedAt),
                    failed, afterStop.size(), failedShare * 100, failedPosts);
            assertThat(Duration.ofNanos(firstElsewhere.at() - stoppedAt)).isLessThan(Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(firstFailover.at() - stoppedAt)).isLessThan(Duration.ofSeconds(2));
            assertThat(failedShare).isLessThan(0.05);

            long restartedAt = System.nanoTime();
            eu.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> firstAfter(outcomes, restartedAt, "home").isPresent());
            System.out.printf("Return: members served at home again %d ms after the cell restarted%n",
                    millis(firstAfter(outcomes, restartedAt, "home").orElseThrow().at() - restartedAt));
            assertThat(firstAfter(outcomes, restartedAt, "home").orElseThrow().servedBy("eu-west-1")).isTrue();
        } finally {
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(15, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void cellReportingNotReadyLosesItsMembersUntilItIsReadyAgain() {
        RouterClient client = new RouterClient(dataPlane.port());
        String usMember = "Bearer " + new TestTokens("us-east-1").member("us-east-1");
        assertThat(RouterClient.reason(client.get("/v1/feed", "Authorization", usMember))).isEqualTo("home");

        us.ready(false);
        try {
            await().atMost(Duration.ofSeconds(2)).until(() -> "failover".equals(RouterClient.reason(client.get("/v1/feed", "Authorization", usMember))));
            assertThat(client.get("/v1/feed", "Authorization", usMember).body()).isEqualTo("eu-west-1");
        } finally {
            us.ready(true);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> "home".equals(RouterClient.reason(client.get("/v1/feed", "Authorization", usMember))));
        assertThat(client.get("/v1/feed", "Authorization", usMember).body()).isEqualTo("us-east-1");
    }

    private Outcome send(RouterClient client, String method) {
        HttpRequest.Builder request = client.request(method.equals("GET") ? "/v1/feed" : "/v1/checkins")
                .header("Authorization", euMember).timeout(Duration.ofSeconds(5));
        request = method.equals("GET") ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString("{\"events\":[]}"));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(System.nanoTime(), method, response.statusCode(), RouterClient.cell(response), RouterClient.reason(response));
        } catch (IOException e) {
            return new Outcome(System.nanoTime(), method, 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(System.nanoTime(), method, 0, null, null);
        }
    }

    private static Optional<Outcome> firstAfter(ConcurrentLinkedQueue<Outcome> outcomes, long since, String reason) {
        return outcomes.stream().filter(outcome -> outcome.at() > since && outcome.succeeded() && reason.equals(outcome.reason()))
                .min((a, b) -> Long.compare(a.at(), b.at()));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private record Outcome(long at, String method, int status, String cell, String reason) {
        boolean succeeded() {
            return status == 200;
        }

        boolean servedBy(String cellId) {
            return succeeded() && cellId.equals(cell);
        }
    }
}
