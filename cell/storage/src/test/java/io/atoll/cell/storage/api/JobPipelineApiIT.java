package io.atoll.cell.storage.api;

import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.support.Api;
import io.atoll.cell.storage.support.EventCollector;
import io.atoll.cell.storage.support.Images;
import io.atoll.cell.storage.support.RawHttp;
import io.atoll.cell.storage.support.Reply;
import io.atoll.cell.storage.support.StorageUnderTest;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The job pipeline's side of storage, as the workers use it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobPipelineApiIT {
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final StorageUnderTest storage = StorageUnderTest.create("storage_jobs");
    private final EventCollector events = EventCollector.bind(storage.vhost());
    private final EmbeddedServer server = storage.start();
    private final Api api = storage.api(server);

    @AfterAll
    void stop() throws IOException {
        events.close();
        server.close();
        storage.close();
    }

    @Test
    void aRequestIsMadeOnceAndItsIdCannotBeReusedForAnotherBody() {
        String member = member();
        UUID id = UUID.randomUUID();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("repository", "file:///srv/repos/atoll");
        spec.put("commit", "9fceb02");
        Map<String, Object> sameSpecOtherOrder = new LinkedHashMap<>();
        sameSpecOtherOrder.put("commit", "9fceb02");
        sameSpecOtherOrder.put("repository", "file:///srv/repos/atoll");

        Reply made = api.post("/storage/v1/job-requests", scanRequest(id, member, "atoll", spec));
        Reply retried = api.post("/storage/v1/job-requests", scanRequest(id, member, "atoll", sameSpecOtherOrder));
        Reply reused = api.post("/storage/v1/job-requests", scanRequest(id, member, "another-repository", spec));

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.header("Location")).isEqualTo("/storage/v1/job-requests/" + id);
        assertThat(made.body()).containsEntry("id", id.toString()).containsEntry("kind", "repository-scan").containsEntry("memberId", member)
                .containsEntry("subjectId", "atoll").containsEntry("spec", spec).containsEntry("status", "requested")
                .containsEntry("jobs", List.of()).containsEntry("notifications", List.of()).doesNotContainKeys("completedAt", "summary");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(made.body());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).isEqualTo("application/problem+json");
        assertThat(api.get("/storage/v1/job-requests/" + id).body()).isEqualTo(made.body());
        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'job.requested' AND payload LIKE '%" + id + "%'"))
                .isEqualTo(1);
        Map<String, Object> requested = awaitEvent(CellEventTypes.JOB_REQUESTED, id.toString());
        assertThat(requested).containsEntry("memberId", member)
                .containsEntry("data", Map.of("kind", "repository-scan", "subject", "atoll"));
    }

    @Test
    void aRequestWithoutIdOrMemberIsMadeAndBadOnesAreRefused() {
        Reply withoutId = api.post("/storage/v1/job-requests", """
                {"kind": "noop", "memberId": null, "subjectId": "benchmark", "spec": {}}""");

        assertThat(withoutId.status()).isEqualTo(201);
        assertThat(UUID.fromString(withoutId.text("id"))).isNotNull();
        assertThat(withoutId.body()).doesNotContainKey("memberId");
        assertThat(api.post("/storage/v1/job-requests", Map.of("kind", "video", "subjectId", "s", "spec", Map.of())).status()).isEqualTo(400);
        assertThat(api.post("/storage/v1/job-requests", Map.of("kind", "noop", "subjectId", "s")).status()).isEqualTo(400);
        assertThat(api.post("/storage/v1/job-requests", Map.of("kind", "noop", "subjectId", "s", "spec", List.of())).status()).isEqualTo(400);
        assertThat(api.post("/storage/v1/job-requests", Map.of("id", "not-a-uuid", "kind", "noop", "subjectId", "s", "spec", Map.of()))
                .status()).isEqualTo(400);
        Reply unknownMember = api.post("/storage/v1/job-requests",
                Map.of("kind", "photo", "memberId", "nobody-" + UUID.randomUUID(), "subjectId", "s", "spec", Map.of()));
        assertThat(unknownMember.status()).isEqualTo(422);
        assertThat(unknownMember.contentType()).isEqualTo("application/problem+json");
        assertThat(api.get("/storage/v1/job-requests/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void anUploadMakesAPhotoRequestAndBothEventsReachTheExchange() {
        String member = member();

        String upload = upload(member, Images.jpeg(20_000)).text("id");

        Map<String, Object> stored = awaitEvent(CellEventTypes.UPLOAD_STORED, upload);
        Map<String, Object> requested = awaitRequestAbout(upload);
        assertThat(stored).containsEntry("memberId", member);
        assertThat(requested).containsEntry("memberId", member).containsEntry("data", Map.of("kind", "photo", "subject", upload));
        Reply request = api.get("/storage/v1/job-requests/" + requested.get("subjectId"));
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.body()).containsEntry("kind", "photo").containsEntry("memberId", member).containsEntry("subjectId", upload)
                .containsEntry("spec", Map.of("uploadId", upload, "contentType", "image/jpeg")).containsEntry("status", "requested");
    }

    @Test
    void planningAgainKeepsTheJobsThereAndAddsOnlyNewOnes() {
        String request = noopRequest();
        Map<String, Object> first = plannedJob("noop");
        Map<String, Object> second = plannedJob("sleep");

        Reply planned = plan(request, first);
        Reply started = api.post("/storage/v1/jobs/" + first.get("id") + "/attempts", Map.of("leaseSeconds", 120));
        Reply replanned = plan(request, first, second);
        Reply again = plan(request, first, second);

        assertThat(planned.status()).isEqualTo(200);
        assertThat(planned.text("status")).isEqualTo("planned");
        assertThat(planned.list("jobs")).singleElement().satisfies(job -> assertThat(job)
                .containsEntry("id", first.get("id")).containsEntry("requestId", request).containsEntry("kind", "noop")
                .containsEntry("status", "pending").containsEntry("attempts", 0).containsEntry("timeoutSeconds", 30)
                .containsEntry("spec", Map.of("seconds", 1)));
        assertThat(started.text("status")).isEqualTo("running");
        assertThat(replanned.text("status")).isEqualTo("planned");
        assertThat(replanned.list("jobs")).extracting(job -> job.get("id")).containsExactlyInAnyOrder(first.get("id"), second.get("id"));
        assertThat(replanned.list("jobs")).filteredOn(job -> job.get("id").equals(first.get("id")))
                .singleElement().satisfies(job -> assertThat(job).containsEntry("status", "running").containsEntry("attempts", 1));
        assertThat(again.body()).isEqualTo(replanned.body());
    }

    @Test
    void aPlanIsRefusedForAnUnknownRequestAJobOfAnotherRequestOrABadTimeout() {
        String request = noopRequest();
        Map<String, Object> job = plannedJob("noop");
        plan(request, job);
        Map<String, Object> tooShort = new LinkedHashMap<>(plannedJob("noop"));
        tooShort.put("timeoutSeconds", 4);
        Map<String, Object> tooLong = new LinkedHashMap<>(plannedJob("noop"));
        tooLong.put("timeoutSeconds", 1801);

        assertThat(plan(noopRequest(), job).status()).isEqualTo(409);
        assertThat(plan(UUID.randomUUID().toString(), plannedJob("noop")).status()).isEqualTo(404);
        assertThat(plan(request, tooShort).status()).isEqualTo(400);
        assertThat(plan(request, tooLong).status()).isEqualTo(400);
        assertThat(api.put("/storage/v1/job-requests/" + request + "/plan", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void anAttemptRunsUntilItsOutcomeAFailureIsRetriedAndAFinalJobIsNotAttemptedAgain() {
        String job = plannedJobOf(noopRequest());
        String jobs = "/storage/v1/jobs/" + job;

        Reply first = api.post(jobs + "/attempts", Map.of("leaseSeconds", 120));
        Reply failed = api.put(jobs + "/outcome", outcome("failed", false, 1, null, "boom"));
        Reply second = api.post(jobs + "/attempts", Map.of("leaseSeconds", 120));
        Reply succeeded = api.put(jobs + "/outcome", outcome("succeeded", true, 0, Map.of("slept", 1), ""));
        Reply third = api.post(jobs + "/attempts", Map.of("leaseSeconds", 120));
        Reply late = api.put(jobs + "/outcome", outcome("timed_out", true, null, null, null));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("status", "running").containsEntry("attempts", 1).doesNotContainKey("finishedAt");
        assertThat(Duration.between(Instant.parse(first.text("startedAt")), Instant.parse(first.text("leaseUntil"))))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(failed.body()).containsEntry("status", "pending").containsEntry("exitCode", 1).containsEntry("stderr", "boom")
                .containsKey("finishedAt").doesNotContainKey("leaseUntil");
        assertThat(second.body()).containsEntry("status", "running").containsEntry("attempts", 2).containsEntry("stderr", "boom");
        assertThat(succeeded.body()).containsEntry("status", "succeeded").containsEntry("attempts", 2).containsEntry("exitCode", 0)
                .containsEntry("result", Map.of("slept", 1)).doesNotContainKey("leaseUntil");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.contentType()).isEqualTo("application/problem+json");
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body()).isEqualTo(succeeded.body());
    }

    @Test
    void anOutcomeOrAttemptThatMakesNoSenseIsRefused() {
        String jobs = "/storage/v1/jobs/" + plannedJobOf(noopRequest());

        assertThat(api.put(jobs + "/outcome", outcome("succeeded", false, 0, null, null)).status()).isEqualTo(400);
        assertThat(api.put(jobs + "/outcome", outcome("running", true, 0, null, null)).status()).isEqualTo(400);
        assertThat(api.put(jobs + "/outcome", Map.of("status", "failed")).status()).isEqualTo(400);
        assertThat(api.post(jobs + "/attempts", Map.of("leaseSeconds", 0)).status()).isEqualTo(400);
        assertThat(api.post(jobs + "/attempts", Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/storage/v1/jobs/" + UUID.randomUUID() + "/attempts", Map.of("leaseSeconds", 10)).status()).isEqualTo(404);
        assertThat(api.put("/storage/v1/jobs/" + UUID.randomUUID() + "/outcome", outcome("failed", true, 1, null, null)).status())
                .isEqualTo(404);
    }

    @Test
    void aRunningJobWhoseLeasePassedIsStaleUntilItsOutcomeArrives() {
        String vanished = plannedJobOf(noopRequest());
        String alive = plannedJobOf(noopRequest());
        api.post("/storage/v1/jobs/" + vanished + "/attempts", Map.of("leaseSeconds", 1));
        api.post("/storage/v1/jobs/" + alive + "/attempts", Map.of("leaseSeconds", 600));

        await().atMost(Duration.ofSeconds(10)).until(() -> staleJobIds().contains(vanished));
        assertThat(staleJobIds()).doesNotContain(alive);
        Reply stale = api.get("/storage/v1/jobs/stale");
        assertThat(stale.list("items")).filteredOn(job -> job.get("id").equals(vanished)).singleElement()
                .satisfies(job -> assertThat(job).containsEntry("status", "running").containsKey("leaseUntil"));

        api.put("/storage/v1/jobs/" + vanished + "/outcome", outcome("timed_out", false, null, null, "runner vanished"));

        assertThat(staleJobIds()).doesNotContain(vanished);
        assertThat(api.get("/storage/v1/jobs/stale?limit=0").status()).isEqualTo(400);
    }

    @Test
    void theFirstOfConcurrentCompletionsWinsWithOneResultAndOneEvent() throws Exception {
        String member = member();
        String request = api.post("/storage/v1/job-requests", Map.of("kind", "photo", "memberId", member, "subjectId", "photo-1",
                "spec", Map.of())).text("id");
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Reply>> completions = new ArrayList<>();
        try {
            for (int index = 0; index < racers; index++) {
                String status = index % 2 == 0 ? "succeeded" : "failed";
                Map<String, Object> body = Map.of("status", status, "summary", Map.of("racer", index), "headline", "racer " + index);
                Callable<Reply> complete = () -> {
                    start.await();
                    return api.put("/storage/v1/job-requests/" + request + "/completion", body);
                };
                completions.add(pool.submit(complete));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> completion : completions) {
                replies.add(completion.get());
            }

            assertThat(replies).extracting(Reply::status).containsOnly(200);
            assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
        } finally {
            pool.shutdownNow();
        }
        Reply completed = api.get("/storage/v1/job-requests/" + request);
        Map<String, Object> summary = completed.object("summary");
        int winner = (Integer) summary.get("racer");
        assertThat(completed.body()).containsEntry("status", winner % 2 == 0 ? "succeeded" : "failed").containsKey("completedAt");
        assertThat(storage.count("SELECT count(*) FROM job_results WHERE request_id = '" + request + "'")).isEqualTo(1);
        assertThat(storage.count("SELECT count(*) FROM outbox_events WHERE type = 'job.completed' AND payload LIKE '%" + request + "%'"))
                .isEqualTo(1);
        Map<String, Object> event = awaitEvent(CellEventTypes.JOB_COMPLETED, "photo-1");
        assertThat(event).containsEntry("memberId", member).containsEntry("data", Map.of("requestId", request, "kind", "photo",
                "status", completed.text("status"), "headline", "racer " + winner));
        Reply later = api.put("/storage/v1/job-requests/" + request + "/completion",
                Map.of("status", "partial", "summary", Map.of(), "headline", "too late"));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body()).isEqualTo(completed.body());
        assertThat(api.put("/storage/v1/job-requests/" + request + "/completion",
                Map.of("status", "planned", "summary", Map.of(), "headline", "x")).status()).isEqualTo(400);
        assertThat(api.put("/storage/v1/job-requests/" + UUID.randomUUID() + "/completion",
                Map.of("status", "failed", "summary", Map.of(), "headline", "x")).status()).isEqualTo(404);
    }

    @Test
    void aNotificationIsUpsertedAndNeverLeavesSent() {
        String request = noopRequest();
        String path = "/storage/v1/notifications/" + UUID.randomUUID();

        Reply pending = api.put(path, notification(request, "pending", 0, null));
        Reply failed = api.put(path, notification(request, "failed", 1, "HTTP 503 from hooks.slack.com"));
        Reply sent = api.put(path, notification(request, "sent", 2, null));
        Reply late = api.put(path, notification(request, "failed", 3, "a late report of an earlier try"));
        Reply pendingAgain = api.put(path, notification(request, "pending", 4, null));

        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body()).containsEntry("requestId", request).containsEntry("channel", "slack").containsEntry("target", "#photos")
                .containsEntry("status", "pending").containsEntry("attempts", 0).doesNotContainKey("lastError");
        assertThat(failed.body()).containsEntry("status", "failed").containsEntry("attempts", 1)
                .containsEntry("lastError", "HTTP 503 from hooks.slack.com");
        assertThat(sent.body()).containsEntry("status", "sent").containsEntry("attempts", 2);
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body()).isEqualTo(sent.body());
        assertThat(pendingAgain.body()).isEqualTo(sent.body());
        assertThat(api.get("/storage/v1/job-requests/" + request).list("notifications")).containsExactly(sent.body());
        assertThat(api.put(path, notification(noopRequest(), "sent", 1, null)).status()).isEqualTo(409);
        assertThat(api.put("/storage/v1/notifications/" + UUID.randomUUID(), notification(UUID.randomUUID().toString(), "pending", 0, null))
                .status()).isEqualTo(422);
        Map<String, Object> badChannel = new LinkedHashMap<>(notification(request, "pending", 0, null));
        badChannel.put("channel", "email");
        assertThat(api.put("/storage/v1/notifications/" + UUID.randomUUID(), badChannel).status()).isEqualTo(400);
    }

    @Test
    void aNotificationsAttemptsAreSentOneAtATime() {
        String request = noopRequest();
        String path = "/storage/v1/notifications/" + UUID.randomUUID();
        Map<String, Object> attempt = Map.of("requestId", request, "channel", "webhook", "target", "https://hooks.example.net/atoll",
                "leaseSeconds", 1);

        Reply first = api.post(path + "/attempts", attempt);
        Reply meanwhile = api.post(path + "/attempts", attempt);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("status", "pending").containsEntry("attempts", 1).containsKey("leaseUntil");
        assertThat(meanwhile.status()).as("a second delivery while the first attempt holds its lease").isEqualTo(409);
        assertThat(meanwhile.body()).containsEntry("title", "Notification being sent");

        Reply takenOver = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.post(path + "/attempts", attempt), reply -> reply.status() == 200);
        assertThat(takenOver.body()).as("once the lease of a vanished sender passed").containsEntry("attempts", 2);

        Reply sent = api.put(path, Map.of("requestId", request, "channel", "webhook", "target", "https://hooks.example.net/atoll",
                "status", "sent", "attempts", 2));
        assertThat(sent.body()).containsEntry("status", "sent").doesNotContainKey("leaseUntil");
        assertThat(api.post(path + "/attempts", attempt).body()).containsEntry("title", "Notification already sent");
        assertThat(api.post("/storage/v1/notifications/" + UUID.randomUUID() + "/attempts",
                Map.of("requestId", request, "channel", "webhook", "target", "x", "leaseSeconds", 0)).status()).isEqualTo(400);
    }

    @Test
    void aProcessedMessageIsRecordedOncePerConsumer() {
        String message = UUID.randomUUID().toString();
        String path = "/storage/v1/processed-messages/photo-pipeline/" + message;

        Reply before = api.get(path);
        Reply recorded = api.put(path, "");
        Reply again = api.put(path, "");
        Reply after = api.get(path);

        assertThat(before.status()).isEqualTo(404);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.body()).containsEntry("consumer", "photo-pipeline").containsEntry("messageId", message).containsKey("processedAt");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(recorded.body());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(recorded.body());
        assertThat(api.put("/storage/v1/processed-messages/notifier/" + message, "").status()).isEqualTo(201);
        assertThat(api.put("/storage/v1/processed-messages/bad%20name/" + message, "").status()).isEqualTo(400);
    }

    @Test
    void thePhotoAndWhatIsDerivedFromItAreReadAndWrittenByTheWorkers() throws Exception {
        String member = member();
        byte[] photo = Images.jpeg(40_000);
        String upload = upload(member, photo).text("id");
        String derived = "/storage/v1/uploads/" + upload + "/derived/";
        byte[] firstThumbnail = Images.jpeg(2_000);
        byte[] retriedThumbnail = Images.jpeg(3_000);

        assertBytes("/storage/v1/uploads/" + upload + "/content", photo, "image/jpeg");
        Reply first = putBytes(derived + "thumb-160.jpg", firstThumbnail, "image/jpeg");
        assertBytes(derived + "thumb-160.jpg", firstThumbnail, "image/jpeg");
        Reply retried = putBytes(derived + "thumb-160.jpg", retriedThumbnail, "image/jpeg");
        Reply png = putBytes(derived + "preview.png", Images.png(5_000), "image/png");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEqualTo(Map.of("key", "uploads/" + member + "/" + upload + "/derived/thumb-160.jpg"));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(png.status()).isEqualTo(201);
        assertBytes(derived + "thumb-160.jpg", retriedThumbnail, "image/jpeg");
        assertThat(objectKeys("uploads/" + member + "/" + upload + "/")).containsExactlyInAnyOrder(
                "uploads/" + member + "/" + upload + "/original", "uploads/" + member + "/" + upload + "/derived/thumb-160.jpg",
                "uploads/" + member + "/" + upload + "/derived/preview.png");
    }

    @Test
    void derivedObjectsWithABadNameTypeOrSizeAreRefusedAndLeaveNothing() {
        String member = member();
        String upload = upload(member, Images.jpeg(5_000)).text("id");
        String derived = "/storage/v1/uploads/" + upload + "/derived/";
        String token = "Authorization: Bearer " + storage.tokens().token(Scopes.WRITE) + "\r\n";

        assertThat(putBytes(derived + "Thumb.jpg", Images.jpeg(500), "image/jpeg").status()).isEqualTo(400);
        assertThat(putBytes(derived + ".hidden", Images.jpeg(500), "image/jpeg").status()).isEqualTo(400);
        assertThat(putBytes(derived + "a".repeat(65), Images.jpeg(500), "image/jpeg").status()).isEqualTo(400);
        assertThat(putBytes(derived + "notes.txt", "not an image at all".getBytes(StandardCharsets.UTF_8), "text/plain").status())
                .isEqualTo(415);
        assertThat(putBytes(derived + "thumb.png", Images.jpeg(500), "image/png").status()).isEqualTo(415);
        assertThat(putBytes(derived + "thumb.webp", Images.webp(500), "image/webp").status()).isEqualTo(415);
        assertThat(putBytes("/storage/v1/uploads/" + UUID.randomUUID() + "/derived/thumb.jpg", Images.jpeg(500), "image/jpeg").status())
                .isEqualTo(404);
        int tooLarge = RawHttp.send(server.getPort(), "PUT " + derived + "big.jpg HTTP/1.1\r\nHost: storage\r\n" + token
                + "Content-Type: image/jpeg\r\nContent-Length: " + (MAX_BYTES + 1) + "\r\n\r\n", Images.jpeg(64 * 1024));
        int chunked = RawHttp.send(server.getPort(), "PUT " + derived + "chunked.jpg HTTP/1.1\r\nHost: storage\r\n" + token
                + "Content-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n",
                "4\r\n\u00ff\u00d8\u00ff\u00e0\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(tooLarge).isEqualTo(413);
        assertThat(chunked).isEqualTo(411);
        assertThat(objectKeys("uploads/" + member + "/" + upload + "/")).containsExactly("uploads/" + member + "/" + upload + "/original");
        assertThat(api.get(derived + "thumb.jpg").status()).isEqualTo(404);
        assertThat(api.get("/storage/v1/uploads/" + UUID.randomUUID() + "/content").status()).isEqualTo(404);
    }

    @Test
    void aMembersResultsAreListedNewestFirstAndTheUploadShowsItsOwn() {
        String member = member();
        String upload = upload(member, Images.png(3_000)).text("id");
        String photoRequest = (String) awaitRequestAbout(upload).get("subjectId");
        String otherPhoto = api.post("/storage/v1/job-requests", Map.of("kind", "photo", "memberId", member, "subjectId", "elsewhere",
                "spec", Map.of())).text("id");
        String noop = api.post("/storage/v1/job-requests", Map.of("kind", "noop", "memberId", member, "subjectId", "bench",
                "spec", Map.of())).text("id");
        complete(photoRequest, Map.of("width", 640, "height", 480));
        complete(otherPhoto, Map.of("width", 100, "height", 100));
        complete(noop, Map.of());

        Reply photos = api.get("/storage/v1/members/" + member + "/job-results?kind=photo");
        Reply all = api.get("/storage/v1/members/" + member + "/job-results");

        assertThat(photos.list("items")).extracting(item -> item.get("requestId")).containsExactly(otherPhoto, photoRequest);
        assertThat(photos.list("items").get(1)).containsEntry("subjectId", upload).containsEntry("data", Map.of("width", 640, "height", 480))
                .containsKey("createdAt");
        assertThat(all.list("items")).extracting(item -> item.get("requestId")).containsExactly(noop, otherPhoto, photoRequest);
        assertThat(api.get("/storage/v1/members/" + member + "/job-results?limit=1").list("items")).hasSize(1);
        assertThat(api.get("/storage/v1/members/nobody-" + UUID.randomUUID() + "/job-results").list("items")).isEmpty();
        assertThat(api.get("/storage/v1/members/" + member + "/job-results?kind=video").status()).isEqualTo(400);
        assertThat(api.get("/storage/v1/members/" + member + "/uploads/" + upload).list("results")).singleElement()
                .satisfies(result -> assertThat(result).containsEntry("kind", "photo").containsEntry("data", Map.of("width", 640, "height", 480)));
    }

    @Test
    void theRequestsAreListedNewestFirstInPagesAndByStatus() {
        String oldest = noopRequest();
        String middle = noopRequest();
        String newest = noopRequest();
        plan(middle, plannedJob("noop"));

        Reply firstPage = api.get("/storage/v1/job-requests?limit=2");
        Reply secondPage = api.get("/storage/v1/job-requests?limit=2&after=" + firstPage.text("next"));
        Reply planned = api.get("/storage/v1/job-requests?status=planned&limit=1");

        assertThat(firstPage.list("items")).extracting(item -> item.get("id")).containsExactly(newest, middle);
        assertThat(firstPage.list("items")).allSatisfy(item -> assertThat(item).containsKeys("spec", "status", "createdAt")
                .doesNotContainKeys("jobs", "notifications"));
        assertThat(secondPage.list("items").get(0)).containsEntry("id", oldest);
        assertThat(planned.list("items")).extracting(item -> item.get("id")).containsExactly(middle);
        assertThat(api.get("/storage/v1/job-requests?after=bm90IGEgY3Vyc29y").status()).isEqualTo(400);
        assertThat(api.get("/storage/v1/job-requests?status=running").status()).isEqualTo(400);
        assertThat(api.get("/storage/v1/job-requests?limit=201").status()).isEqualTo(400);
    }

    @Test
    void anExpiredUploadIsPurgedWithEverythingAboutItAndAPurgeAgainChangesNothing() {
        String member = member();
        String expired = upload(member, Images.jpeg(8_000)).text("id");
        String kept = upload(member, Images.jpeg(9_000)).text("id");
        String request = (String) awaitRequestAbout(expired).get("subjectId");
        String job = (String) plan(request, plannedJob("photo-thumbnails")).list("jobs").get(0).get("id");
        complete(request, Map.of("thumbnails", 1));
        api.put("/storage/v1/notifications/" + UUID.randomUUID(), notification(request, "sent", 1, null));
        putBytes("/storage/v1/uploads/" + expired + "/derived/thumb-160.jpg", Images.jpeg(1_000), "image/jpeg");
        putBytes("/storage/v1/uploads/" + expired + "/derived/thumb-480.jpg", Images.jpeg(1_500), "image/jpeg");
        expire(expired);

        Reply purge = api.post("/storage/v1/uploads/purge-expired", Map.of("limit", 100));
        Reply again = api.post("/storage/v1/uploads/purge-expired", Map.of("limit", 100));

        assertThat(purge.status()).isEqualTo(200);
        assertThat(purge.body()).isEqualTo(Map.of("purged", 1, "more", false));
        assertThat(objectKeys("uploads/" + member + "/" + expired)).isEmpty();
        assertThat(storage.count("SELECT count(*) FROM uploads WHERE id = '" + expired + "'")).isZero();
        assertThat(storage.count("SELECT count(*) FROM job_requests WHERE subject_id = '" + expired + "'")).isZero();
        assertThat(storage.count("SELECT count(*) FROM jobs WHERE id = '" + job + "'")).isZero();
        assertThat(storage.count("SELECT count(*) FROM job_results WHERE request_id = '" + request + "'")).isZero();
        assertThat(storage.count("SELECT count(*) FROM notifications WHERE request_id = '" + request + "'")).isZero();
        assertThat(api.get("/storage/v1/uploads/" + expired + "/content").status()).isEqualTo(404);
        assertThat(api.get("/storage/v1/job-requests/" + request).status()).isEqualTo(404);
        assertThat(again.body()).isEqualTo(Map.of("purged", 0, "more", false));
        assertThat(api.get("/storage/v1/uploads/" + kept + "/content").status()).isEqualTo(200);
        assertThat(objectKeys("uploads/" + member + "/" + kept)).hasSize(1);
    }

    @Test
    void aPurgeThatStoppedAfterDeletingTheObjectsIsFinishedByTheNextOne() {
        String member = member();
        String upload = upload(member, Images.jpeg(6_000)).text("id");
        awaitRequestAbout(upload);
        expire(upload);
        // What a purge that died between the objects and the rows leaves behind.
        s3().deleteObject(request -> request.bucket(storage.bucket().name()).key("uploads/" + member + "/" + upload + "/original"));

        Reply purge = api.post("/storage/v1/uploads/purge-expired", Map.of("limit", 10));

        assertThat(purge.body()).isEqualTo(Map.of("purged", 1, "more", false));
        assertThat(storage.count("SELECT count(*) FROM uploads WHERE id = '" + upload + "'")).isZero();
        assertThat(storage.count("SELECT count(*) FROM job_requests WHERE subject_id = '" + upload + "'")).isZero();
    }

    @Test
    void aPurgeTakesAtMostItsLimitAndSaysThereIsMore() {
        String member = member();
        List<String> uploads = List.of(upload(member, Images.jpeg(1_000)).text("id"), upload(member, Images.jpeg(1_100)).text("id"),
                upload(member, Images.jpeg(1_200)).text("id"));
        uploads.forEach(this::expire);

        Reply first = api.post("/storage/v1/uploads/purge-expired", Map.of("limit", 2));
        Reply second = api.post("/storage/v1/uploads/purge-expired", Map.of("limit", 2));

        assertThat(first.body()).isEqualTo(Map.of("purged", 2, "more", true));
        assertThat(second.body()).isEqualTo(Map.of("purged", 1, "more", false));
        assertThat(objectKeys("uploads/" + member + "/")).isEmpty();
        assertThat(api.post("/storage/v1/uploads/purge-expired", Map.of("limit", 0)).status()).isEqualTo(400);
    }

    @Test
    void aPurgeForgetsProcessedMessagesPastTheirRetention() {
        String old = "/storage/v1/processed-messages/photo-pipeline/" + UUID.randomUUID();
        String recent = "/storage/v1/processed-messages/photo-pipeline/" + UUID.randomUUID();
        api.put(old, "");
        api.put(recent, "");
        storage.execute("UPDATE processed_messages SET processed_at = now() - interval '8 days' WHERE message_id = '"
                + old.substring(old.lastIndexOf('/') + 1) + "'");

        assertThat(api.post("/storage/v1/uploads/purge-expired", Map.of("limit", 10)).status()).isEqualTo(200);

        assertThat(api.get(old).status()).isEqualTo(404);
        assertThat(api.get(recent).status()).isEqualTo(200);
    }

    @Test
    void withoutATokenItIs401AndAReadOnlyTokenCannotWrite() {
        Api anonymous = api.as(null);
        Api reader = api.as(storage.tokens().token(Scopes.READ));
        Api writer = api.as(storage.tokens().token(Scopes.WRITE));
        String request = noopRequest();
        String job = plannedJobOf(request);
        String upload = upload(member(), Images.jpeg(1_000)).text("id");
        Reply before = api.get("/storage/v1/job-requests/" + request);

        assertThat(anonymous.get("/storage/v1/job-requests/" + request).status()).isEqualTo(401);
        assertThat(anonymous.post("/storage/v1/job-requests", Map.of("kind", "noop", "subjectId", "s", "spec", Map.of())).status())
                .isEqualTo(401);
        assertThat(anonymous.get("/storage/v1/job-requests").contentType()).isEqualTo("application/problem+json");
        List<Reply> writes = List.of(
                reader.post("/storage/v1/job-requests", Map.of("kind", "noop", "subjectId", "s", "spec", Map.of())),
                reader.put("/storage/v1/job-requests/" + request + "/plan", Map.of("jobs", List.of(plannedJob("noop")))),
                reader.post("/storage/v1/jobs/" + job + "/attempts", Map.of("leaseSeconds", 10)),
                reader.put("/storage/v1/jobs/" + job + "/outcome", outcome("failed", true, 1, null, null)),
                reader.put("/storage/v1/job-requests/" + request + "/completion", Map.of("status", "failed", "summary", Map.of(), "headline", "x")),
                reader.put("/storage/v1/notifications/" + UUID.randomUUID(), notification(request, "pending", 0, null)),
                reader.put("/storage/v1/processed-messages/photo-pipeline/" + UUID.randomUUID(), ""),
                reader.send(reader.request("/storage/v1/uploads/" + upload + "/derived/thumb.jpg").header("Content-Type", "image/jpeg")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(Images.jpeg(500)))),
                reader.post("/storage/v1/uploads/purge-expired", Map.of("limit", 1)));
        assertThat(writes).extracting(Reply::status).containsOnly(403);
        assertThat(api.get("/storage/v1/job-requests/" + request).body()).isEqualTo(before.body());
        assertThat(api.get("/storage/v1/uploads/" + upload + "/derived/thumb.jpg").status()).isEqualTo(404);
        assertThat(reader.get("/storage/v1/job-requests/" + request).status()).isEqualTo(200);
        assertThat(reader.get("/storage/v1/jobs/stale").status()).isEqualTo(200);
        assertThat(reader.get("/storage/v1/uploads/" + upload + "/content").status()).isEqualTo(200);
        assertThat(writer.get("/storage/v1/job-requests/" + request).status()).isEqualTo(403);
    }

    private String member() {
        String member = "member-" + UUID.randomUUID();
        assertThat(api.get("/storage/v1/members/" + member).status()).isEqualTo(200);
        return member;
    }

    private Reply upload(String member, byte[] photo) {
        Reply stored = api.send(api.request("/storage/v1/members/" + member + "/uploads").header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo)));
        assertThat(stored.status()).isEqualTo(201);
        return stored;
    }

    /** Moves the upload's retention into the past, as if it had been stored eight days ago. */
    private void expire(String upload) {
        storage.execute("UPDATE uploads SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE id = '"
                + upload + "'");
    }

    private String noopRequest() {
        Reply made = api.post("/storage/v1/job-requests", Map.of("kind", "noop", "subjectId", "benchmark", "spec", Map.of()));
        assertThat(made.status()).isEqualTo(201);
        return made.text("id");
    }

    private static Map<String, Object> scanRequest(UUID id, String member, String subject, Map<String, Object> spec) {
        return Map.of("id", id.toString(), "kind", "repository-scan", "memberId", member, "subjectId", subject, "spec", spec);
    }

    private static Map<String, Object> plannedJob(String kind) {
        return Map.of("id", UUID.randomUUID().toString(), "kind", kind, "timeoutSeconds", 30, "spec", Map.of("seconds", 1));
    }

    @SafeVarargs
    private Reply plan(String request, Map<String, Object>... jobs) {
        return api.put("/storage/v1/job-requests/" + request + "/plan", Map.of("jobs", List.of(jobs)));
    }

    /** Plans one job into the request; returns the job's id. */
    private String plannedJobOf(String request) {
        Map<String, Object> job = plannedJob("sleep");
        assertThat(plan(request, job).status()).isEqualTo(200);
        return (String) job.get("id");
    }

    private void complete(String request, Map<String, Object> summary) {
        assertThat(api.put("/storage/v1/job-requests/" + request + "/completion",
                Map.of("status", "succeeded", "summary", summary, "headline", "done")).status()).isEqualTo(200);
    }

    private static Map<String, Object> outcome(String status, boolean isFinal, Integer exitCode, Map<String, Object> result, String stderr) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", status);
        outcome.put("final", isFinal);
        outcome.put("exitCode", exitCode);
        outcome.put("result", result);
        outcome.put("stderr", stderr);
        return outcome;
    }

    private static Map<String, Object> notification(String request, String status, int attempts, String lastError) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("requestId", request);
        notification.put("channel", "slack");
        notification.put("target", "#photos");
        notification.put("status", status);
        notification.put("attempts", attempts);
        notification.put("lastError", lastError);
        return notification;
    }

    private List<Object> staleJobIds() {
        return api.get("/storage/v1/jobs/stale").list("items").stream().map(job -> job.get("id")).toList();
    }

    private Reply putBytes(String path, byte[] bytes, String contentType) {
        return api.send(api.request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private void assertBytes(String path, byte[] expected, String contentType) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(api.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
            assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(expected.length));
            assertThat(response.body()).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private S3Client s3() {
        return server.getApplicationContext().getBean(S3Client.class);
    }

    private List<String> objectKeys(String prefix) {
        return s3().listObjectsV2(request -> request.bucket(storage.bucket().name()).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** The event of that type about that subject, once the relay has published it. */
    private Map<String, Object> awaitEvent(String type, String subjectId) {
        return await().atMost(DELIVERY).until(() -> published(type).stream().filter(event -> subjectId.equals(event.get("subjectId")))
                .toList(), found -> found.size() == 1).get(0);
    }

    /** The job.requested event of the request about this upload (its subject is the request; its data names the upload). */
    private Map<String, Object> awaitRequestAbout(String upload) {
        return await().atMost(DELIVERY).until(() -> published(CellEventTypes.JOB_REQUESTED).stream()
                .filter(event -> upload.equals(((Map<?, ?>) event.get("data")).get("subject"))).toList(), found -> found.size() == 1).get(0);
    }

    private List<Map<String, Object>> published(String type) {
        return events.deliveries().stream().filter(delivery -> delivery.routingKey().equals(type)).map(delivery -> {
            try {
                return ObjectMapper.getDefault().readValue(delivery.body(), Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
