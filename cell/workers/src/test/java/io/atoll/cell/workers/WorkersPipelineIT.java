package io.atoll.cell.workers;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.support.Broker;
import io.atoll.cell.workers.support.Photos;
import io.atoll.cell.workers.support.PipelineUnderTest;
import io.atoll.cell.workers.support.StorageApi;
import io.atoll.testing.CapturedLogs;
import io.micronaut.runtime.server.EmbeddedServer;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.atoll.cell.workers.support.JsonViews.decode;
import static io.atoll.cell.workers.support.JsonViews.object;
import static io.atoll.cell.workers.support.JsonViews.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job pipeline end to end against the real broker and the real storage service: requests as storage makes them
 * (an upload, a POST of a request), the workers planning and running them with the real job programs, and what ends
 * up in storage, the object store and on the cell's event exchange.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkersPipelineIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final PipelineUnderTest pipeline = PipelineUnderTest.start("workers_pipeline");
    private final EmbeddedServer workers = pipeline.startWorkers();
    private final StorageApi storage = pipeline.api();
    private final Broker broker = pipeline.broker();

    @AfterAll
    void stop() {
        workers.close();
        pipeline.close();
    }

    @Test
    void anUploadedPhotoGetsItsThumbnailsItsInspectionAndOneCompletion() throws IOException {
        String member = UUID.randomUUID().toString();
        byte[] photo = Photos.jpeg(1600, 1200, 1);

        String upload = storage.upload(member, photo);
        UUID request = storage.requestOfUpload(upload);
        Map<String, Object> completed = awaitComplete(request);

        assertThat(completed.get("status")).isEqualTo("succeeded");
        Map<String, Object> summary = object(completed.get("summary"));
        assertThat(summary.get("headline")).isEqualTo("3 thumbnails; 1600×1200 JPEG; no near-duplicates");
        assertThat(object(summary.get("inspection"))).containsEntry("format", "jpeg").containsEntry("width", 1600).containsEntry("height", 1200)
                .containsKey("dhash").containsKey("sha256");
        assertThat(objects(summary.get("thumbnails"))).extracting(thumbnail -> thumbnail.get("name"))
                .containsExactly("thumb-160.jpg", "thumb-480.jpg", "thumb-1024.jpg");
        assertThat(objects(summary.get("thumbnails"))).allSatisfy(thumbnail -> assertThat((String) thumbnail.get("key")).contains(upload));
        for (int size : List.of(160, 480, 1024)) {
            HttpResponse<byte[]> thumbnail = storage.derived(upload, "thumb-" + size + ".jpg");
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(size);
        }
        assertThat(objects(completed.get("jobs"))).allSatisfy(job -> {
            assertThat(job.get("status")).isEqualTo("succeeded");
            assertThat(job.get("attempts")).isEqualTo(1);
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> completions(request).size() == 1);
        Broker.Delivery requested = events(CellEventTypes.JOB_REQUESTED, request).get(0);
        assertThat(traceId(completions(request).get(0))).as("the completion continues the request's trace").isEqualTo(traceId(requested));

        String samePhotoAgain = storage.upload(member, photo);
        Map<String, Object> again = awaitComplete(storage.requestOfUpload(samePhotoAgain));
        assertThat(objects(object(again.get("summary")).get("nearDuplicates"))).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.get("uploadId")).isEqualTo(upload);
            assertThat(duplicate.get("distance")).isEqualTo(0);
        });
        assertThat(metrics()).contains("atoll_workers_job_duration_seconds_count{kind=\"photo-thumbnails\",outcome=\"succeeded\"}")
                .contains("atoll_workers_queue_messages{queue=\"workers.jobs\"}")
                .contains("atoll_workers_queue_consumers{queue=\"workers.jobs\"} 1.0");
    }

    @Test
    void aNoopRequestRunsItsOneJobAndCompletes() {
        UUID request = storage.createRequest("noop", "benchmark-" + UUID.randomUUID(), Map.of());

        Map<String, Object> completed = awaitComplete(request);

        assertThat(completed.get("status")).isEqualTo("succeeded");
        assertThat(object(completed.get("summary")).get("headline")).isEqualTo("noop: 1 of 1 job succeeded");
        assertThat(objects(completed.get("jobs"))).singleElement().satisfies(job -> {
            assertThat(job.get("kind")).isEqualTo("noop");
            assertThat(job.get("exitCode")).isEqualTo(0);
            assertThat(job.get("result")).isEqualTo(Map.of());
        });
    }

    @Test
    void aJobThatCrashesIsRetriedThenRecordedFailedAndTheRequestCompletesPartial() {
        byte[] crashing = Photos.withMarker(Photos.jpeg(800, 600, 2), PipelineUnderTest.CRASH_INSPECTION);

        UUID request = storage.requestOfUpload(storage.upload(UUID.randomUUID().toString(), crashing));
        Map<String, Object> completed = awaitComplete(request);

        assertThat(completed.get("status")).isEqualTo("partial");
        Map<String, Object> inspection = objects(completed.get("jobs")).stream().filter(job -> job.get("kind").equals("photo-inspection"))
                .findFirst().orElseThrow();
        assertThat(inspection).containsEntry("status", "failed").containsEntry("attempts", PipelineUnderTest.MAX_ATTEMPTS).containsEntry("exitCode", 1);
        assertThat((String) inspection.get("stderr")).contains("crashed as the test asked");
        Map<String, Object> summary = object(completed.get("summary"));
        assertThat(summary.get("headline")).isEqualTo("3 thumbnails; inspection failed");
        assertThat(objects(summary.get("failures"))).singleElement().satisfies(failure ->
                assertThat(failure).containsEntry("kind", "photo-inspection").containsEntry("error", "photo-inspection: crashed as the test asked"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> completions(request).size() == 1);
    }

    @Test
    void aMessageNoDeliveryCanHandleGoesToTheDeadLetterQueueAtOnce() {
        String messageId = "poison-" + UUID.randomUUID();
        broker.publish("atoll.workers", "job", new AMQP.BasicProperties.Builder().messageId(messageId).deliveryMode(2).build(),
                "{\"requestId\": \"not json".getBytes(StandardCharsets.UTF_8));

        GetResponse dead = await().atMost(Duration.ofSeconds(30)).until(() -> broker.take("workers.jobs.dead").orElse(null), found -> found != null);

        assertThat(dead.getProps().getMessageId()).isEqualTo(messageId);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"requestId\": \"not json");
        List<?> deaths = (List<?>) dead.getProps().getHeaders().get("x-death");
        Map<String, Object> death = object(deaths.get(0));
        assertThat(death.get("queue")).hasToString("workers.jobs");
        assertThat(death.get("reason")).hasToString("rejected");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics())
                .contains("atoll_workers_messages_dead_lettered_total{queue=\"workers.jobs\",reason=\"unprocessable\"} 1.0"));
    }

    @Test
    void aMessageDeliveredTwiceChangesNothingTheSecondTime() {
        UUID request = storage.createRequest("noop", "duplicate-" + UUID.randomUUID(), Map.of());
        Map<String, Object> completed = awaitComplete(request);
        await().atMost(Duration.ofSeconds(10)).until(() -> completions(request).size() == 1);
        Broker.Delivery requested = events(CellEventTypes.JOB_REQUESTED, request).get(0);
        Map<String, Object> job = objects(completed.get("jobs")).get(0);

        try (CapturedLogs logs = CapturedLogs.of("io.atoll.cell.workers.messaging", Level.INFO)) {
            broker.publish(CellEventTypes.EXCHANGE, CellEventTypes.JOB_REQUESTED, requested.properties(), requested.body());
            broker.publish("atoll.workers", "job", new AMQP.BasicProperties.Builder().messageId((String) job.get("id")).deliveryMode(2)
                    .headers(Map.of("traceparent", TraceParent.newTrace().header())).build(),
                    ("{\"requestId\":\"" + request + "\",\"jobId\":\"" + job.get("id") + "\"}").getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(30)).until(() -> logs.events().stream()
                    .filter(event -> event.getFormattedMessage().contains("acknowledged as a duplicate")).count() == 2);
        }

        assertThat(storage.request(request)).isEqualTo(completed);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> completions(request).size() == 1);
    }

    @Test
    void theWorkersAreHealthyWithTheBrokerAndStorage() {
        HttpResponse<String> health = get(PipelineUnderTest.management(workers).resolve("/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(object(decode(health.body()).get("details"))).containsKeys("rabbitmq", "storage");
    }

    private Map<String, Object> awaitComplete(UUID request) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> storage.request(request), view -> List.of("succeeded", "partial", "failed").contains(view.get("status")));
    }

    private List<Broker.Delivery> completions(UUID request) {
        return events(CellEventTypes.JOB_COMPLETED, request);
    }

    /** The job events about a request: job.requested names it as its subject, job.completed in its data. */
    private List<Broker.Delivery> events(String type, UUID request) {
        return broker.jobEvents().stream().filter(event -> event.routingKey().equals(type)).filter(event -> {
            Map<String, Object> body = decode(event.text());
            return request.toString().equals(body.get("subjectId")) || request.toString().equals(object(body.get("data")).get("requestId"));
        }).toList();
    }

    private static String traceId(Broker.Delivery event) {
        return TraceParent.parse(event.properties().getHeaders().get("traceparent").toString()).orElseThrow().traceId();
    }

    private String metrics() {
        return get(PipelineUnderTest.management(workers).resolve("/prometheus")).body();
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
