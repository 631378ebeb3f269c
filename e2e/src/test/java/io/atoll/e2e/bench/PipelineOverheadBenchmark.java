package io.atoll.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.cli.AtollCommand;
import io.atoll.devstack.cli.simulate.MobileClient;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The job pipeline's own cost per photo on the running platform: from the moment the member's upload is acknowledged
 * (through the router) to the moment its {@code job} item enters the member's feed ({@code recordedAt}), minus the
 * time the photo's jobs themselves ran (the union of their attempts' start-to-end spans, as storage recorded them).
 * What is left is the pipeline: the outbox relay, the broker hops, planning, the storage calls around each job, the
 * summary, the completion event and the app's feed write. Photos go one at a time with a pause between them, so the
 * figure is the pipeline's latency, not a queue's. The feed's sync shows items only after its settle delay
 * (atoll.app.feed.settle-delay); that wait is the sync's design, not the pipeline's, and is not counted.
 * Run through {@code e2e/bench/run-pipeline-benchmark.sh}.
 */
public final class PipelineOverheadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration FEED_DEADLINE = Duration.ofMinutes(3);

    private final MobileClient member;
    private final String token;
    private final String region;

    private PipelineOverheadBenchmark(MobileClient member, String token, String region) {
        this.member = member;
        this.token = token;
        this.region = region;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        URI router = URI.create(options.getOrDefault("router", "http://127.0.0.1:8080"));
        String region = options.getOrDefault("region", "eu-west-1");
        int photos = Integer.parseInt(options.getOrDefault("photos", "30"));
        Duration pause = Duration.ofMillis(Long.parseLong(options.getOrDefault("pause-ms", "3000")));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "3"));

        MobileClient member = new MobileClient(HttpClient.newHttpClient(), router, "bench-" + UUID.randomUUID() + "@example.test", region);
        require(member.signUp(PASSWORD), "sign-up");
        String token = require(member.logIn(PASSWORD), "log-in").body().path("access_token").asText();
        PipelineOverheadBenchmark benchmark = new PipelineOverheadBenchmark(member, token, region);

        System.out.printf(Locale.ROOT, "warming up with %d photos%n", warmUp);
        benchmark.measure(warmUp, pause);
        System.out.printf(Locale.ROOT, "measuring %d photos, one every %d ms after the last one's acknowledgement%n", photos, pause.toMillis());
        List<Sample> samples = benchmark.measure(photos, pause);
        report(samples);
    }

    private List<Sample> measure(int count, Duration pause) throws IOException {
        Map<String, Instant> acknowledged = new HashMap<>();
        for (int index = 0; index < count; index++) {
            MobileClient.Exchange stored = require(member.upload(token, photo(index), "image/jpeg"), "upload");
            acknowledged.put(stored.body().path("id").asText(), Instant.now());
            LockSupport.parkNanos(pause.toNanos());
        }
        Map<String, Instant> inFeed = awaitJobItems(acknowledged.keySet().stream().toList());
        Map<String, Duration> jobTimes = jobRunTimes(acknowledged.keySet().stream().toList());
        List<Sample> samples = new ArrayList<>();
        acknowledged.forEach((upload, at) -> samples.add(new Sample(Duration.between(at, inFeed.get(upload)), jobTimes.get(upload))));
        return samples;
    }

    /** When each upload's job item entered the feed, as the feed itself says. */
    private Map<String, Instant> awaitJobItems(List<String> uploads) throws IOException {
        Map<String, Instant> recorded = new HashMap<>();
        long deadline = System.nanoTime() + FEED_DEADLINE.toNanos();
        String cursor = null;
        while (recorded.size() < uploads.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + recorded.size() + " of " + uploads.size() + " job items reached the feed within " + FEED_DEADLINE);
            }
            JsonNode page = require(member.get(token, "/v1/sync?limit=500" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))), "sync").body();
            for (JsonNode item : page.path("items")) {
                if ("job".equals(item.path("kind").asText()) && uploads.contains(item.path("sourceId").asText())) {
                    recorded.put(item.path("sourceId").asText(), Instant.parse(item.path("recordedAt").asText()));
                }
            }
            cursor = page.path("cursor").asText(null);
            if (!page.path("hasMore").asBoolean()) {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        }
        return recorded;
    }

    /** The union of the spans in which each upload's jobs ran, read through the operator's CLI. */
    private Map<String, Duration> jobRunTimes(List<String> uploads) {
        Map<String, Duration> times = new HashMap<>();
        for (JsonNode request : atoll("jobs", "list", "--cell", region, "--json", "--limit", "200").path("items")) {
            String upload = request.path("subjectId").asText();
            if (uploads.contains(upload)) {
                times.put(upload, busy(atoll("jobs", "show", "--cell", region, "--json", request.path("id").asText()).path("jobs")));
            }
        }
        if (times.size() < uploads.size()) {
            throw new IllegalStateException("storage lists the requests of only " + times.size() + " of " + uploads.size() + " uploads");
        }
        return times;
    }

    static Duration busy(JsonNode jobs) {
        List<Instant[]> spans = new ArrayList<>();
        for (JsonNode job : jobs) {
            spans.add(new Instant[]{Instant.parse(job.path("startedAt").asText()), Instant.parse(job.path("finishedAt").asText())});
        }
        spans.sort(Comparator.comparing(span -> span[0]));
        Duration total = Duration.ZERO;
        Instant coveredUntil = Instant.MIN;
        for (Instant[] span : spans) {
            Instant from = span[0].isAfter(coveredUntil) ? span[0] : coveredUntil;
            if (span[1].isAfter(from)) {
                total = total.plus(Duration.between(from, span[1]));
                coveredUntil = span[1];
            }
        }
        return total;
    }

    private static JsonNode atoll(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AtollCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        if (command.execute(arguments) != 0) {
            throw new IllegalStateException("atoll " + String.join(" ", arguments) + " failed: " + err.toString().strip());
        }
        try {
            return JSON.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(List<Sample> samples) {
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s%n", "per photo (ms)", "p50", "p90", "max", "mean");
        line("acknowledged → in the feed", samples.stream().map(Sample::total).toList());
        line("jobs running", samples.stream().map(Sample::jobs).toList());
        line("pipeline overhead", samples.stream().map(Sample::overhead).toList());
    }

    private static void line(String name, List<Duration> values) {
        List<Long> millis = values.stream().map(Duration::toMillis).sorted().toList();
        System.out.printf(Locale.ROOT, "%-28s %8d %8d %8d %8.0f%n", name, percentile(millis, 50), percentile(millis, 90), millis.get(millis.size() - 1),
                millis.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** A camera-sized JPEG, different each time so that no two are the same photo. */
    private static byte[] photo(int index) {
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(index * 37 % 256, 90, 160), 1600, 1200, new Color(240, index * 53 % 256, 60)));
        graphics.fillRect(0, 0, 1600, 1200);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", jpeg);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return jpeg.toByteArray();
    }

    private static MobileClient.Exchange require(MobileClient.Exchange exchange, String what) {
        if (!exchange.ok()) {
            throw new IllegalStateException(what + " answered " + exchange.status() + ": " + exchange.body());
        }
        return exchange;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        return options;
    }

    private record Sample(Duration total, Duration jobs) {
        Duration overhead() {
            return total.minus(jobs);
        }
    }
}
