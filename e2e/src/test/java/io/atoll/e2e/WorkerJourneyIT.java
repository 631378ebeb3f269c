package io.atoll.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.cli.simulate.MobileClient;
import io.atoll.e2e.NotificationReceivers.Received;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The job pipeline of a cell the whole way, for both kinds of request: a member's photo through the router becomes
 * thumbnails in the object store, an inspection and a {@code job} item in the member's feed; an operator's scan of a
 * Git repository with {@code atoll jobs scan} counts it and finds the key committed in it. Every completion reaches the
 * test's own receivers, as the platform's workers are configured to send it: a webhook signed with the shared secret
 * (checked here from its documented scheme, not with the workers' code), a Slack message and a GitHub commit status.
 */
class WorkerJourneyIT {
    private static final String REGION = "eu-west-1";
    private static final String PASSWORD = "photographer-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PIPELINE = Duration.ofMinutes(2);
    private static final Duration CLI = Duration.ofMinutes(2);
    private static final Pattern REQUESTED = Pattern.compile("requested repository-scan (\\S+) of ");
    /** AWS's own example key id, put together here so that this file is no finding of a scan itself. */
    private static final String AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";
    private static E2ePlatform platform;

    @BeforeAll
    static void platform() {
        platform = E2ePlatform.get();
        platform.awaitRoutable(REGION);
    }

    @Test
    void aPhotoUploadedThroughTheRouterBecomesThumbnailsAnInspectionAJobInTheFeedAndOneSignedWebhook() throws Exception {
        Member member = Member.signedUp();
        byte[] photo = cameraPhoto(1600, 1200);

        MobileClient.Exchange stored = member.client().upload(member.token(), photo, "image/jpeg");

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.cell()).isEqualTo(REGION);
        String uploadId = stored.body().path("id").asText();
        JsonNode job = member.awaitFeedItem("job", uploadId);
        String requestId = job.path("attributes").path("requestId").asText();
        assertThat(job.path("attributes").path("kind").asText()).isEqualTo("photo");
        assertThat(job.path("attributes").path("status").asText()).isEqualTo("succeeded");
        assertThat(job.path("attributes").path("headline").asText()).startsWith("3 thumbnails; 1600×1200 JPEG");

        JsonNode summary = processing(member.client().get(member.token(), "/v1/uploads/" + uploadId).body(), "photo");
        JsonNode inspection = summary.path("inspection");
        assertThat(inspection.path("format").asText()).isEqualTo("jpeg");
        assertThat(inspection.path("width").asInt()).isEqualTo(1600);
        assertThat(inspection.path("height").asInt()).isEqualTo(1200);
        assertThat(inspection.path("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(inspection.path("exif").path("camera").asText()).isEqualTo("Google Pixel 8");
        assertThat(inspection.path("exif").path("takenAt").asText()).isEqualTo("2024-05-01T10:20:30");
        assertThat(inspection.path("exif").path("hasLocation").asBoolean()).isTrue();
        List<JsonNode> thumbnails = list(summary.path("thumbnails"));
        assertThat(thumbnails).extracting(thumbnail -> thumbnail.path("width").asInt(), thumbnail -> thumbnail.path("height").asInt())
                .containsExactly(tuple(160, 120), tuple(480, 360), tuple(1024, 768));
        try (S3Client objects = platform.objectStore()) {
            for (JsonNode thumbnail : thumbnails) {
                byte[] bytes = objects.getObjectAsBytes(get -> get.bucket(platform.cell(REGION).uploadsBucket())
                        .key(thumbnail.path("key").asText())).asByteArray();
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(image.getWidth()).as(thumbnail.path("key").asText()).isEqualTo(thumbnail.path("width").asInt());
                assertThat(image.getHeight()).isEqualTo(thumbnail.path("height").asInt());
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("no EXIF, so no location, in a thumbnail")
                        .doesNotContain("Exif\0\0");
            }
        }

        List<Received> webhooks = awaitSome(() -> platform.notifications().atWebhook(about(requestId)), 1);
        assertThat(webhooks).as("one notification of the request").hasSize(1);
        Received webhook = webhooks.get(0);
        JsonNode payload = JSON.readTree(webhook.body());
        assertThat(payload.path("type").asText()).isEqualTo("job.completed");
        assertThat(payload.path("kind").asText()).isEqualTo("photo");
        assertThat(payload.path("subjectId").asText()).isEqualTo(uploadId);
        assertThat(payload.path("status").asText()).isEqualTo("succeeded");
        assertThat(payload.path("cell").asText()).isEqualTo(REGION);
        assertThat(payload.path("summary").path("inspection").path("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(list(payload.path("summary").path("thumbnails"))).extracting(thumbnail -> thumbnail.path("key").asText())
                .containsExactlyElementsOf(thumbnails.stream().map(thumbnail -> thumbnail.path("key").asText()).toList());
        assertThat(webhook.header("Idempotency-Key")).isEqualTo(payload.path("notificationId").asText())
                .isEqualTo(webhook.header("X-Atoll-Notification-Id"));
        assertThat(webhook.header("X-Atoll-Notification-Attempt")).isEqualTo("1");
        assertSigned(webhook);
        assertThat(awaitSome(() -> platform.notifications().atSlack(sent -> sent.text().contains(requestId)), 1))
                .as("Slack hears of every completion").hasSize(1);
    }

    @Test
    void anOperatorsScanOfARepositoryCountsItFindsTheCommittedKeyAndIsReportedOnSlackAndAsAGitHubCommitStatus() throws Exception {
        Path repository = repository("scanned", Map.of(
                "api/Main.java", "package api;\n\nclass Main {\n    public static void main(String[] args) {}\n}\n",
                "web/app.js", "const answer = 42;\nconsole.log(answer);\n",
                "ops/deploy.sh", "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=" + AWS_KEY_ID + "\naws s3 ls\n"));
        String commit = git(repository, "rev-parse", "HEAD");

        AtollCli.Run scan = platform.cli().run(CLI, "jobs", "scan", "--cell", REGION, "--repository", repository.toString(),
                "--github", "atoll-e2e/scanned", "--wait", "--timeout", "90s");

        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
        String requestId = requestId(scan);
        JsonNode request = show(requestId);
        JsonNode summary = request.path("summary");
        assertThat(request.path("status").asText()).isEqualTo("succeeded");
        assertThat(summary.path("commit").asText()).isEqualTo(commit);
        assertThat(summary.path("directories").asInt()).isEqualTo(3);
        assertThat(summary.path("files").asInt()).isEqualTo(3);
        assertThat(summary.path("lines").asInt()).isEqualTo(10);
        assertThat(JSON.convertValue(summary.path("languages"), Map.class)).isEqualTo(Map.of(
                "Java", Map.of("files", 1, "lines", 5), "JavaScript", Map.of("files", 1, "lines", 2), "Shell", Map.of("files", 1, "lines", 3)));
        assertThat(list(summary.path("secrets"))).extracting(secret -> secret.path("path").asText(), secret -> secret.path("line").asInt(),
                secret -> secret.path("rule").asText()).containsExactly(tuple("ops/deploy.sh", 2, "aws-access-key-id"));
        assertThat(summary.path("failedDirectories")).isEmpty();
        String headline = summary.path("headline").asText();
        assertThat(headline).isEqualTo("3 files, 10 lines in 3 directories; 1 possible secret");
        assertThat(scan.out()).contains(requestId, headline);

        Received slack = awaitSome(() -> platform.notifications().atSlack(sent -> sent.text().contains(requestId)), 1).get(0);
        JsonNode message = JSON.readTree(slack.body());
        assertThat(slack.header("Content-Type")).startsWith("application/json");
        assertThat(message.path("text").asText()).startsWith("Repository scan request succeeded in " + REGION + ": " + headline);
        assertThat(message.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        assertThat(message.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(list(message.path("blocks"))).anySatisfy(block -> assertThat(block.path("text").path("text").asText()).isEqualTo(headline));

        String statuses = "/repos/atoll-e2e/scanned/statuses/" + commit;
        List<Received> github = awaitSome(() -> platform.notifications().atGitHub(sent -> sent.path().equals(statuses)), 1);
        assertThat(github).hasSize(1);
        Received status = github.get(0);
        assertThat(status.method()).isEqualTo("POST");
        assertThat(status.header("Authorization")).isEqualTo("Bearer " + E2ePlatform.GITHUB_TOKEN);
        assertThat(status.header("Accept")).isEqualTo("application/vnd.github+json");
        JsonNode body = JSON.readTree(status.body());
        assertThat(body.path("state").asText()).as("a secret was found").isEqualTo("failure");
        assertThat(body.path("description").asText()).isEqualTo(headline);
        assertThat(body.path("context").asText()).isEqualTo("atoll/repository-scan");

        assertSigned(awaitSome(() -> platform.notifications().atWebhook(about(requestId)), 1).get(0));
    }

    @Test
    void aWebhookReceiverDownForTwoAttemptsGetsTheCompletionOnTheThirdUnderTheSameNotificationId() throws Exception {
        Path repository = repository("retried", Map.of("lib/util.py", "def answer():\n    return 42\n"));
        platform.notifications().failWebhookNext(2, request -> payloadOf(request).path("spec").path("repository").asText()
                .equals(repository.toString()));

        AtollCli.Run scan = platform.cli().run(CLI, "jobs", "scan", "--cell", REGION, "--repository", repository.toString(), "--wait",
                "--timeout", "90s");

        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
        String requestId = requestId(scan);
        List<Received> attempts = awaitSome(() -> platform.notifications().atWebhook(about(requestId)), 3);
        assertThat(attempts).extracting(Received::answeredWith).containsExactly(500, 500, 204);
        assertThat(attempts).extracting(attempt -> attempt.header("X-Atoll-Notification-Attempt")).containsExactly("1", "2", "3");
        assertThat(attempts).extracting(attempt -> attempt.header("Idempotency-Key")).containsOnly(attempts.get(0).header("Idempotency-Key"));
        attempts.forEach(WorkerJourneyIT::assertSigned);
        await("the webhook recorded sent").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode webhook = notification(show(requestId), "webhook");
            assertThat(webhook.path("status").asText()).isEqualTo("sent");
            assertThat(webhook.path("attempts").asInt()).isEqualTo(3);
        });
    }

    /** The webhook's signature is the workers' own; a changed body, another time or the same copy later is refused. */
    private static void assertSigned(Received webhook) {
        String secret = platform.webhookSecret();
        String signature = webhook.header(WebhookSignatureCheck.HEADER);
        byte[] body = webhook.body();
        assertThat(WebhookSignatureCheck.accepts(secret, signature, body, Instant.now())).as("signature %s", signature).isTrue();
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(WebhookSignatureCheck.accepts(secret, signature, tampered, Instant.now())).as("a changed body").isFalse();
        long seconds = Long.parseLong(signature.replaceAll(".*t=([0-9]+).*", "$1"));
        assertThat(WebhookSignatureCheck.accepts(secret, signature.replace("t=" + seconds, "t=" + (seconds + 1)), body, Instant.now()))
                .as("another signing time").isFalse();
        assertThat(WebhookSignatureCheck.accepts(secret, signature, body, webhook.at().plus(WebhookSignatureCheck.TOLERANCE).plusSeconds(60)))
                .as("the same copy played again later").isFalse();
        assertThat(WebhookSignatureCheck.accepts("another secret of at least thirty-two characters", signature, body, Instant.now()))
                .as("under another secret").isFalse();
    }

    private static Predicate<Received> about(String requestId) {
        return request -> payloadOf(request).path("requestId").asText().equals(requestId);
    }

    private static JsonNode payloadOf(Received request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    /** Waits until there are at least {@code count} (notifications are sent once their request is complete), then answers them all. */
    private static List<Received> awaitSome(Supplier<List<Received>> received, int count) {
        return await("%d notification(s)".formatted(count)).atMost(PIPELINE).pollInterval(Duration.ofMillis(200))
                .until(received::get, found -> found.size() >= count);
    }

    /** What processing found, as the member reads it with the upload: the summary of its request of that kind. */
    private static JsonNode processing(JsonNode upload, String kind) {
        for (JsonNode result : upload.path("results")) {
            if (kind.equals(result.path("kind").asText())) {
                return result.path("data");
            }
        }
        throw new AssertionError("no " + kind + " result in " + upload);
    }

    private static String requestId(AtollCli.Run scan) {
        Matcher requested = REQUESTED.matcher(scan.out());
        assertThat(requested.find()).as(scan.out()).isTrue();
        return requested.group(1);
    }

    /** The request as an operator sees it, with its jobs and notifications. */
    private static JsonNode show(String requestId) throws Exception {
        AtollCli.Run show = platform.cli().run(CLI, "jobs", "show", requestId, "--cell", REGION, "--json");
        assertThat(show.exit()).as(show.err()).isZero();
        return JSON.readTree(show.out());
    }

    private static JsonNode notification(JsonNode request, String channel) {
        for (JsonNode notification : request.path("notifications")) {
            if (channel.equals(notification.path("channel").asText())) {
                return notification;
            }
        }
        return JSON.missingNode();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** A Git repository of its own with these files, committed. */
    private static Path repository(String name, Map<String, String> files) throws Exception {
        Path repository = Files.createDirectories(Path.of("target", "repositories")).toAbsolutePath()
                .resolve(name + "-" + UUID.randomUUID());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = repository.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        git(repository.getParent(), "init", "--quiet", repository.toString());
        git(repository, "add", ".");
        git(repository, "-c", "user.name=Atoll E2E", "-c", "user.email=e2e@example.test", "commit", "--quiet", "-m", "The files to scan");
        return repository;
    }

    private static String git(Path folder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).as("git %s", String.join(" ", arguments)).isTrue();
        assertThat(git.exitValue()).as("git %s: %s", String.join(" ", arguments), output).isZero();
        return output;
    }

    /** A member signed up and logged in through the router, from the cell's region. */
    private record Member(MobileClient client, String token) {
        static Member signedUp() throws IOException {
            MobileClient client = new MobileClient(HTTP, platform.router(), "photographer-" + UUID.randomUUID() + "@example.test", REGION);
            assertThat(client.signUp(PASSWORD).status()).isEqualTo(201);
            return new Member(client, client.logIn(PASSWORD).body().path("access_token").asText());
        }

        /** The feed item of that kind from that source, once the cell's events have put it there. */
        JsonNode awaitFeedItem(String kind, String sourceId) {
            return await(kind + " item of " + sourceId + " in the feed").atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                    .until(() -> feedItem(kind, sourceId), item -> !item.isMissingNode());
        }

        private JsonNode feedItem(String kind, String sourceId) throws IOException {
            for (JsonNode item : client.get(token, "/v1/sync?limit=50").body().path("items")) {
                if (kind.equals(item.path("kind").asText()) && sourceId.equals(item.path("sourceId").asText())) {
                    return item;
                }
            }
            return JSON.missingNode();
        }
    }

    /** A camera's JPEG: a picture with its maker, model, time and place in EXIF, as a phone writes it. */
    private static byte[] cameraPhoto(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setPaint(new GradientPaint(0, 0, new Color(235, 225, 200), width, height, new Color(30, 40, 70)));
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(new Color(UUID.randomUUID().hashCode() & 0xffffff));
            graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Google");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, "Pixel 8");
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2024:05:01 10:20:30");
        exif.setGpsInDegrees(2.2945, 48.8584);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg.toByteArray(), withExif, exif);
        return withExif.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
