package io.atoll.cell.workers;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.workers.domain.pipeline.PipelineIds;
import io.atoll.cell.workers.messaging.WorkQueues;
import io.atoll.cell.workers.notify.WebhookSignature;
import io.atoll.cell.workers.notify.support.HttpReceiver;
import io.atoll.cell.workers.support.Broker;
import io.atoll.cell.workers.support.Photos;
import io.atoll.cell.workers.support.PipelineUnderTest;
import io.atoll.cell.workers.support.Processes;
import io.atoll.cell.workers.support.StorageApi;
import io.atoll.cell.workers.support.TestRepository;
import io.atoll.cell.workers.support.WorkersProcess;
import io.atoll.testing.CapturedLogs;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import static io.atoll.cell.workers.support.JsonViews.decode;
import static io.atoll.cell.workers.support.JsonViews.job;
import static io.atoll.cell.workers.support.JsonViews.object;
import static io.atoll.cell.workers.support.JsonViews.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline under real faults, on a RabbitMQ node of the test's own, the real storage service and PostgreSQL: a
 * worker killed outright in the middle of a job, the broker restarted with requests in flight, copies of a
 * notification's message arriving while it is being sent, a job's process killed, and a message that fails on every
 * delivery. Whatever happens, every request completes exactly once in
 * effect: each job recorded once with the attempts the fault cost, each upload's thumbnails stored once, one
 * completion event and each notification received once, counted at the webhook receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineFaultIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String WEBHOOK_SECRET = "pipeline-fault-test-secret-0123456789abcdef";
    private static final List<String> THUMBNAILS = List.of("thumb-1024.jpg", "thumb-160.jpg", "thumb-480.jpg");
    /** Leases that pass within seconds (a job's timeout plus the margin), so that a vanished worker's job is taken over soon. */
    private static final Map<String, Object> SHORT_LEASES = Map.of(
            "atoll.workers.pipeline.photo-thumbnails-timeout", "20s",
            "atoll.workers.pipeline.photo-inspection-timeout", "8s",
            "atoll.workers.pipeline.lease-margin", "2s");

    private final PipelineUnderTest pipeline = PipelineUnderTest.onPrivateBroker("workers_faults");
    private final StorageApi storage = pipeline.api();
    private final Broker broker = pipeline.broker();
    private final HttpReceiver webhook = HttpReceiver.answering(204, "");

    PipelineFaultIT() throws IOException {
    }

    @AfterAll
    void stop() {
        webhook.close();
        pipeline.close();
    }

    @Test
    void aWorkerKilledInTheMiddleOfAJobLosesNothingAndDuplicatesNothing() throws IOException {
        Files.deleteIfExists(pipeline.slowProcesses());
        List<Long> inspection = new ArrayList<>();
        try (WorkersProcess doomed = pipeline.startWorkerProcess(true, workerSettings(SHORT_LEASES))) {
            String upload = storage.upload(UUID.randomUUID().toString(), Photos.withMarker(Photos.jpeg(640, 480, 11), PipelineUnderTest.SLOW_INSPECTION));
            UUID request = storage.requestOfUpload(upload);
            inspection.addAll(awaitSlowInspection());
            await().atMost(PATIENCE).until(() -> job(storage.request(request), "photo-thumbnails").get("status").equals("succeeded"));

            doomed.kill();

            assertThat(inspection).as("nothing is left to stop a killed worker's job: its processes run on, orphaned").allMatch(Processes::running);
            try (EmbeddedServer ignored = pipeline.startWorkers(false, workerSettings(SHORT_LEASES))) {
                Map<String, Object> completed = awaitStatus(request, "succeeded");

                assertThat(job(completed, "photo-inspection")).as("the attempt of the vanished worker timed out once its lease passed")
                        .containsEntry("status", "succeeded").containsEntry("attempts", 2);
                assertThat(job(completed, "photo-thumbnails")).containsEntry("status", "succeeded").containsEntry("attempts", 1);
                assertCompletedOnce(completed, List.of(upload));
            }
        } finally {
            inspection.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void aJobWhoseProcessIsKilledIsRetriedAndItsRequestCompletesOnce() throws IOException {
        Files.deleteIfExists(pipeline.slowProcesses());
        try (EmbeddedServer workers = pipeline.startWorkers(true, workerSettings(Map.of()))) {
            String upload = storage.upload(UUID.randomUUID().toString(), Photos.withMarker(Photos.jpeg(800, 600, 12), PipelineUnderTest.SLOW_INSPECTION));
            UUID request = storage.requestOfUpload(upload);
            List<Long> inspection = awaitSlowInspection();

            // kill -9 of the program, then of the sleep it started (which holds its output open).
            inspection.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));

            Map<String, Object> completed = awaitStatus(request, "succeeded");
            assertThat(job(completed, "photo-inspection")).containsEntry("status", "succeeded").containsEntry("attempts", 2).containsEntry("exitCode", 0);
            assertThat(job(completed, "photo-thumbnails")).containsEntry("status", "succeeded").containsEntry("attempts", 1);
            assertCompletedOnce(completed, List.of(upload));
            assertThat(metrics(PipelineUnderTest.management(workers))).as("the killed attempt failed (exit 137), it did not time out")
                    .contains("atoll_workers_job_duration_seconds_count{kind=\"photo-inspection\",outcome=\"failed\"} 1\n")
                    .doesNotContain("outcome=\"timed_out\"");
        }
    }

    @Test
    void requestsInFlightWhenTheBrokerRestartsAllCompleteOnce() throws IOException {
        Files.deleteIfExists(pipeline.slowProcesses());
        try (EmbeddedServer ignored = pipeline.startWorkers(true, workerSettings(Map.of()));
             CapturedLogs listenerErrors = CapturedLogs.of("io.micronaut.rabbitmq", Level.ERROR)) {
            String member = UUID.randomUUID().toString();
            List<String> uploads = new ArrayList<>();
            List<UUID> requests = new ArrayList<>();
            uploads.add(storage.upload(member, Photos.withMarker(Photos.jpeg(640, 480, 13), PipelineUnderTest.SLOW_INSPECTION)));
            uploads.add(storage.upload(member, Photos.jpeg(1024, 768, 14)));
            for (int noop = 0; noop < 3; noop++) {
                requests.add(storage.createRequest("noop", "restart-" + UUID.randomUUID(), Map.of()));
            }
            List<Long> inspection = awaitSlowInspection();

            pipeline.privateBroker().stop();

            // Storage takes requests while the broker is away; its outbox publishes their events once it is back.
            uploads.add(storage.upload(member, Photos.jpeg(900, 900, 15)));
            for (int noop = 0; noop < 2; noop++) {
                requests.add(storage.createRequest("noop", "restart-" + UUID.randomUUID(), Map.of()));
            }
            // The inspection running in the worker goes on to its end while the broker is away.
            ProcessHandle.of(inspection.get(1)).ifPresent(ProcessHandle::destroyForcibly);
            pipeline.privateBroker().startAgain();

            uploads.forEach(upload -> requests.add(storage.requestOfUpload(upload)));
            for (UUID request : requests) {
                Map<String, Object> completed = awaitStatus(request, "succeeded");
                assertThat(objects(completed.get("jobs"))).allSatisfy(job -> assertThat(job).containsEntry("status", "succeeded").containsEntry("attempts", 1));
            }
            assertCompletedOnce(requests, uploads, false);
            assertThat(listenerErrors.events()).as("deliveries cut off by the restart are given back calmly").isEmpty();
            assertThat(Stream.of(WorkQueues.JOB_REQUESTS, WorkQueues.JOBS, WorkQueues.NOTIFICATIONS).flatMap(queue -> broker.take(queue + ".dead").stream()))
                    .as("nothing was dead-lettered").isEmpty();
        }
    }

    @Test
    void copiesOfANotificationsMessageArrivingWhileItIsBeingSentSendNothing() throws IOException {
        try (HttpReceiver slowReceiver = HttpReceiver.answeringAfter(Duration.ofSeconds(3), 204);
             CapturedLogs workerLogs = CapturedLogs.of("io.atoll.cell.workers", Level.INFO);
             EmbeddedServer ignored = pipeline.startWorkers(false, workerSettings(slowReceiver, Map.of()))) {
            UUID request = storage.createRequest("noop", "copies-" + UUID.randomUUID(), Map.of());
            UUID notification = PipelineIds.notification(request, "webhook");
            await().atMost(PATIENCE).until(() -> !slowReceiver.received().isEmpty());

            // Messages arrive at least once; two more copies of this one arrive while the receiver holds its send.
            byte[] body = ("{\"notificationId\":\"" + notification + "\",\"requestId\":\"" + request + "\",\"channel\":\"webhook\"}")
                    .getBytes(StandardCharsets.UTF_8);
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(notification.toString()).contentType("application/json")
                    .build();
            broker.publish("", WorkQueues.NOTIFICATIONS, properties, body);
            broker.publish("", WorkQueues.NOTIFICATIONS, properties, body);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages(workerLogs, notification))
                    .as("both copies found the send under way, came back through a retry queue and were found handled")
                    .filteredOn(message -> message.contains("being sent by another delivery")).hasSizeGreaterThanOrEqualTo(2));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages(workerLogs, notification))
                    .filteredOn(message -> message.contains("acknowledged as a duplicate")).hasSizeGreaterThanOrEqualTo(2));
            assertThat(slowReceiver.received()).singleElement()
                    .satisfies(received -> assertThat(received.header("X-Atoll-Notification-Id")).isEqualTo(notification.toString()));
            assertThat(objects(storage.request(request).get("notifications"))).singleElement().satisfies(recorded ->
                    assertThat(recorded).containsEntry("status", "sent").containsEntry("attempts", 1));
            assertThat(broker.take(WorkQueues.NOTIFICATIONS + ".dead")).isEmpty();
        }
    }

    private static List<String> messages(CapturedLogs logs, UUID about) {
        return logs.events().stream().map(ILoggingEvent::getFormattedMessage).filter(message -> message.contains(about.toString())).toList();
    }

    @Test
    void aMessageThatFailsOnEveryDeliveryIsDeadLetteredAfterItsAttemptsAndRunsOnceWhenReplayedAfterTheFix() {
        // The commit is there, its files are not: the planner's repository-plan program fails (exit 1) on every delivery.
        TestRepository repository = TestRepository.create(Path.of("target", "pipeline-it", "repository-" + UUID.randomUUID()).toAbsolutePath(),
                Map.of("README.md", "# Scanned\n", "src/Main.java", "class Main {}\n", "docs/guide.md", "Read me.\n"));
        repository.loseRootTree();
        try (EmbeddedServer workers = pipeline.startWorkers(false, workerSettings(Map.of()))) {
            UUID request = storage.createRequest("repository-scan", "repository-" + UUID.randomUUID(),
                    Map.of("repository", repository.workTree().toString(), "commit", repository.commit()));

            String deadQueue = WorkQueues.JOB_REQUESTS + ".dead";
            GetResponse dead = await().atMost(PATIENCE).until(() -> broker.take(deadQueue).orElse(null), Objects::nonNull);

            Map<String, Object> headers = dead.getProps().getHeaders();
            assertThat(headers.get(WorkQueues.ATTEMPT_HEADER)).as("dead-lettered on its last attempt").isEqualTo(PipelineUnderTest.MAX_ATTEMPTS);
            List<Map<String, Object>> deaths = objects(headers.get("x-death"));
            assertThat(deaths).anySatisfy(death -> {
                assertThat(death.get("queue")).hasToString(WorkQueues.JOB_REQUESTS);
                assertThat(death.get("reason")).hasToString("rejected");
                assertThat(death.get("count")).isEqualTo(1L);
            }).as("it came back from the last retry queue before that").anySatisfy(death -> {
                assertThat(death.get("queue")).hasToString(WorkQueues.JOB_REQUESTS + ".retry.600ms");
                assertThat(death.get("reason")).hasToString("expired");
            });
            assertThat(decode(dead.getBody()).get("subjectId")).isEqualTo(request.toString());
            assertThat(storage.request(request)).containsEntry("status", "requested").containsEntry("jobs", List.of());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics(PipelineUnderTest.management(workers)))
                    .contains("atoll_workers_messages_dead_lettered_total{queue=\"workers.job-requests\",reason=\"exhausted\"} 1.0"));

            repository.recoverRootTree();
            broker.publish("", WorkQueues.JOB_REQUESTS, replayed(dead.getProps()), dead.getBody());

            Map<String, Object> completed = awaitStatus(request, "succeeded");
            assertThat(objects(completed.get("jobs"))).extracting(job -> object(job.get("spec")).get("directory"))
                    .containsExactlyInAnyOrder("docs", "src", ".");
            assertThat(objects(completed.get("jobs"))).allSatisfy(job -> assertThat(job).containsEntry("status", "succeeded").containsEntry("attempts", 1));
            assertCompletedOnce(completed, List.of());
            assertThat(broker.take(deadQueue)).isEmpty();
        }
    }

    /** The workers' settings for these tests: every completion is posted to the test's webhook receiver. */
    private Map<String, Object> workerSettings(Map<String, Object> overrides) {
        return workerSettings(webhook, overrides);
    }

    private static Map<String, Object> workerSettings(HttpReceiver receiver, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(overrides);
        settings.put("atoll.workers.notifications.webhook.url", receiver.url("/atoll").toString());
        settings.put("atoll.workers.notifications.webhook.secret", WEBHOOK_SECRET);
        return settings;
    }

    /** Waits for the dawdling inspection to start; answers its processes: the program's (a shell) and its sleep's. */
    private List<Long> awaitSlowInspection() throws IOException {
        Path pids = pipeline.slowProcesses();
        await().atMost(PATIENCE).until(() -> Files.exists(pids) && Files.readString(pids).trim().split("\\s+").length == 2);
        return Arrays.stream(Files.readString(pids).trim().split("\\s+")).map(Long::parseLong).toList();
    }

    private void assertCompletedOnce(Map<String, Object> completed, List<String> uploads) {
        assertCompletedOnce(List.of(UUID.fromString((String) completed.get("id"))), uploads, true);
    }

    /**
     * Every request completed exactly once in effect: each upload's thumbnails are in the object store once, each
     * request's webhook notification was received once (validly signed) and is recorded sent, and, where the test's
     * own connection heard all events (the broker did not restart meanwhile), one {@code job.completed} was published.
     */
    private void assertCompletedOnce(List<UUID> requests, List<String> uploads, boolean countEvents) {
        for (String upload : uploads) {
            Map<String, Object> request = storage.request(storage.requestOfUpload(upload));
            String derived = "uploads/" + request.get("memberId") + "/" + upload + "/derived/";
            assertThat(pipeline.objectKeys(derived)).as("objects derived from upload %s", upload)
                    .containsExactlyElementsOf(THUMBNAILS.stream().map(name -> derived + name).toList());
            assertThat(objects(object(request.get("summary")).get("thumbnails"))).hasSize(THUMBNAILS.size());
        }
        List<String> notificationIds = requests.stream().map(request -> PipelineIds.notification(request, "webhook").toString()).toList();
        // Should one be missing, the failure says how far each notification got by the workers' own record.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received(notificationIds)).as("notifications received; recorded by storage: %s",
                requests.stream().map(request -> storage.request(request).get("notifications")).toList()).hasSameSizeAs(notificationIds));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> received(notificationIds).size() == notificationIds.size());
        List<HttpReceiver.Received> notifications = received(notificationIds);
        assertThat(notifications).extracting(received -> received.header("X-Atoll-Notification-Id")).containsExactlyInAnyOrderElementsOf(notificationIds);
        assertThat(notifications).allSatisfy(received -> {
            assertThat(WebhookSignature.verify(WEBHOOK_SECRET, received.header(WebhookSignature.HEADER), received.body(), Instant.now(), Duration.ofMinutes(5)))
                    .isEqualTo(WebhookSignature.Verification.VALID);
            assertThat(received.header("X-Atoll-Notification-Attempt")).isEqualTo("1");
        });
        for (UUID request : requests) {
            assertThat(objects(storage.request(request).get("notifications"))).singleElement().satisfies(notification ->
                    assertThat(notification).containsEntry("channel", "webhook").containsEntry("status", "sent").containsEntry("attempts", 1));
            if (countEvents) {
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> completions(request) == 1);
            }
        }
    }

    private List<HttpReceiver.Received> received(List<String> notificationIds) {
        return webhook.received().stream().filter(received -> notificationIds.contains(received.header("X-Atoll-Notification-Id"))).toList();
    }

    private long completions(UUID request) {
        return broker.jobEvents().stream().filter(event -> event.routingKey().equals(CellEventTypes.JOB_COMPLETED))
                .filter(event -> request.toString().equals(object(decode(event.body()).get("data")).get("requestId"))).count();
    }

    /** A dead letter as an operator replays it: its properties and body, its attempts counted afresh, its deaths left behind. */
    private static AMQP.BasicProperties replayed(AMQP.BasicProperties dead) {
        Map<String, Object> headers = new HashMap<>(dead.getHeaders());
        headers.keySet().removeIf(name -> name.startsWith("x-death") || name.startsWith("x-first-death") || name.startsWith("x-last-death"));
        headers.put(WorkQueues.ATTEMPT_HEADER, 1);
        return dead.builder().headers(headers).build();
    }

    private Map<String, Object> awaitStatus(UUID request, String status) {
        Map<String, Object> view = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> storage.request(request), found -> List.of("succeeded", "partial", "failed").contains(found.get("status")));
        assertThat(view.get("status")).as("request %s: %s", request, view).isEqualTo(status);
        return view;
    }

    private static String metrics(URI management) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(management.resolve("/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
