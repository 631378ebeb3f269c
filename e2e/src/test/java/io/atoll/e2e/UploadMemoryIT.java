package io.atoll.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.cli.simulate.MobileClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos of the largest size a member may upload, several at once, the whole way — router, the cell's ingress, app,
 * storage, the object store — while the cell's app and storage run with 128 MiB heaps: both pass photos on as they
 * arrive, so however many come at once none is ever whole in their memory. A refused photo leaves nothing behind.
 */
class UploadMemoryIT {
    private static final String REGION = "eu-west-1";
    /** {@code atoll.app.uploads.max-bytes} and {@code atoll.storage.uploads.max-bytes}, as the platform runs them. */
    private static final int MAX_BYTES = 10 * 1024 * 1024;
    /** 120 MiB at once: held whole, they would not fit in a 128 MiB heap beside anything else. */
    private static final int UPLOADS_AT_ONCE = 12;
    private static final String HEAP_OPTION = "-Xmx128m";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /** A PNG chunk's length, type and CRC; the file's last chunk (IEND) is only these. */
    private static final int CHUNK_OVERHEAD = 12;
    /** Ancillary, private, safe to copy: a decoder that does not know it skips it. */
    private static final byte[] FILL_CHUNK_TYPE = "atPd".getBytes(StandardCharsets.US_ASCII);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(3);
    private static final String PASSWORD = "uploader-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static E2ePlatform platform;

    @BeforeAll
    static void platform() {
        platform = E2ePlatform.get();
        platform.awaitRoutable(REGION);
    }

    @Test
    void photosOfTheLargestSizeSentAtOnceAreStoredAndReadBackWhileAppAndStorageRunIn128MiBHeaps() throws Exception {
        ProcessHandle app = platform.running(REGION + "/app");
        ProcessHandle storage = platform.running(REGION + "/storage");
        assertThat(app.info().arguments()).as("app's JVM options").hasValueSatisfying(options -> assertThat(options).contains(HEAP_OPTION));
        assertThat(storage.info().arguments()).as("storage's JVM options").hasValueSatisfying(options -> assertThat(options).contains(HEAP_OPTION));
        List<Member> members = new ArrayList<>();
        List<byte[]> photos = new ArrayList<>();
        for (int n = 0; n < UPLOADS_AT_ONCE; n++) {
            members.add(Member.signedUp());
            photos.add(photoOfSize(MAX_BYTES));
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(photos.get(0)))).as("a photo any PNG decoder reads").isNotNull();
        long appPeakBefore = peakResidentBytes(app);
        long storagePeakBefore = peakResidentBytes(storage);

        List<HttpResponse<String>> stored = allAtOnce(members.size(), n -> members.get(n).upload(photos.get(n), "image/png"));

        for (int n = 0; n < stored.size(); n++) {
            HttpResponse<String> answer = stored.get(n);
            assertThat(answer.statusCode()).as("upload %d: %s", n, answer.body()).isEqualTo(201);
            assertThat(answer.headers().firstValue("X-Atoll-Cell")).contains(REGION);
            JsonNode upload = JSON.readTree(answer.body());
            assertThat(upload.path("sizeBytes").asLong()).isEqualTo(MAX_BYTES);
            assertThat(upload.path("sha256").asText()).isEqualTo(sha256(photos.get(n)));
            assertThat(upload.path("contentType").asText()).isEqualTo("image/png");
        }
        List<Received> readBack = allAtOnce(members.size(),
                n -> members.get(n).download("/v1/uploads/" + JSON.readTree(stored.get(n).body()).path("id").asText() + "/content"));
        for (int n = 0; n < readBack.size(); n++) {
            assertThat(readBack.get(n)).as("photo %d read back", n).isEqualTo(new Received(200, "image/png", MAX_BYTES, sha256(photos.get(n))));
        }

        assertThat(platform.running(REGION + "/app").pid()).as("app lived through it").isEqualTo(app.pid());
        assertThat(platform.running(REGION + "/storage").pid()).as("storage lived through it").isEqualTo(storage.pid());
        Files.writeString(Path.of("target/upload-memory.txt"), UPLOADS_AT_ONCE + " uploads of " + MAX_BYTES + " bytes at once, then their downloads, "
                + "app and storage with " + HEAP_OPTION + "\n"
                + "app peak RSS: " + mebibytes(appPeakBefore) + " MiB before, " + mebibytes(peakResidentBytes(app)) + " MiB after\n"
                + "storage peak RSS: " + mebibytes(storagePeakBefore) + " MiB before, " + mebibytes(peakResidentBytes(storage)) + " MiB after\n");
    }

    @Test
    void anOversizedPhotoOrAnythingButAPhotoIsAProblemAndLeavesNoObjectNorRowBehind() throws Exception {
        Member member = Member.signedUp();
        HttpResponse<String> taken = member.upload(photoOfSize(64 * 1024), "image/png");
        assertThat(taken.statusCode()).as("the member's photos are otherwise taken").isEqualTo(201);
        assertThat(taken.headers().firstValue("X-Atoll-Cell")).as("the cell whose uploads are counted").contains(REGION);
        CellUploads before = CellUploads.count();

        Answer oversized = member.declareUploadOf(MAX_BYTES + 1L, PNG_SIGNATURE);
        HttpResponse<String> notAPhoto = member.upload("Not a photo, whatever its type says.\n".repeat(2000).getBytes(StandardCharsets.US_ASCII),
                "image/png");

        assertThat(oversized.status()).as("refused from its head, before the rest was sent").isEqualTo(413);
        assertThat(oversized.cell()).isEqualTo(REGION);
        assertThat(oversized.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(oversized.body()).path("status").asInt()).isEqualTo(413);
        assertThat(notAPhoto.statusCode()).isEqualTo(415);
        assertThat(notAPhoto.headers().firstValue("X-Atoll-Cell")).contains(REGION);
        assertThat(notAPhoto.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(notAPhoto.body()).path("status").asInt()).isEqualTo(415);
        assertThat(CellUploads.count()).as("the cell's upload rows and objects").isEqualTo(before);
    }

    /**
     * A member of the cell: signed up and logged in at the cell's own ingress, so that it is their home whichever cell
     * the router would place them in; everything else goes through the router.
     */
    private record Member(String email, String token) {
        static Member signedUp() throws IOException {
            String email = "uploader-" + UUID.randomUUID() + "@example.test";
            MobileClient client = new MobileClient(HTTP, platform.ingress(REGION), email, REGION);
            assertThat(client.signUp(PASSWORD).status()).isEqualTo(201);
            return new Member(email, client.logIn(PASSWORD).body().path("access_token").asText());
        }

        HttpResponse<String> upload(byte[] photo, String contentType) throws IOException, InterruptedException {
            return HTTP.send(request("/v1/uploads").header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Streamed through a digest, so no photo is ever whole in the test's memory a second time. */
        Received download(String path) throws Exception {
            HttpResponse<InputStream> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (DigestInputStream body = new DigestInputStream(response.body(), MessageDigest.getInstance("SHA-256"))) {
                long length = body.transferTo(OutputStream.nullOutputStream());
                return new Received(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), length,
                        HexFormat.of().formatHex(body.getMessageDigest().digest()));
            }
        }

        /** Sends an upload's head declaring {@code length} bytes and only {@code firstBytes} of them, then reads the answer. */
        Answer declareUploadOf(long length, byte[] firstBytes) throws IOException {
            URI router = platform.router();
            try (Socket socket = new Socket(router.getHost(), router.getPort())) {
                socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/uploads HTTP/1.1\r\nHost: " + router.getAuthority() + "\r\nAuthorization: Bearer " + token
                        + "\r\nX-Atoll-Account: " + email + "\r\nX-Client-Region: " + REGION
                        + "\r\nContent-Type: image/png\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(firstBytes);
                out.flush();
                return Answer.read(socket.getInputStream());
            }
        }

        private HttpRequest.Builder request(String path) {
            // The account and region headers let the router find the member's cell without reading the body.
            return HttpRequest.newBuilder(platform.router().resolve(path)).timeout(TRANSFER_TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("X-Atoll-Account", email).header("X-Client-Region", REGION);
        }
    }

    /** A downloaded photo: its status, type, length and SHA-256. */
    private record Received(int status, String contentType, long length, String sha256) {
    }

    /** An HTTP/1.1 answer read off a socket, and the cell that gave it. */
    private record Answer(int status, String contentType, String cell, String body) {
        static Answer read(InputStream in) throws IOException {
            int status = Integer.parseInt(line(in).split(" ", 3)[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            String length = headers.get("content-length");
            if (length == null) {
                throw new IOException("the answer does not give its length: " + headers);
            }
            byte[] body = in.readNBytes(Integer.parseInt(length));
            return new Answer(status, headers.getOrDefault("content-type", ""), headers.getOrDefault("x-atoll-cell", ""),
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int next = in.read(); next != '\n'; next = in.read()) {
                if (next == -1) {
                    throw new IOException("the connection closed within the answer's head");
                }
                line.write(next);
            }
            return line.toString(StandardCharsets.US_ASCII).stripTrailing();
        }
    }

    /**
     * How many uploads the cell keeps: rows in its business database, originals and unfinished multipart uploads in
     * its bucket. Thumbnails are left out: the workers write them for earlier photos whenever their jobs finish.
     */
    private record CellUploads(long rows, long objects, long unfinishedObjects) {
        static CellUploads count() throws Exception {
            long rows;
            try (Connection core = platform.coreDatabase(REGION); Statement query = core.createStatement();
                 ResultSet row = query.executeQuery("SELECT count(*) FROM uploads")) {
                row.next();
                rows = row.getLong(1);
            }
            String bucket = platform.cell(REGION).uploadsBucket();
            try (S3Client objects = platform.objectStore()) {
                return new CellUploads(rows, objects.listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream()
                        .filter(object -> object.key().endsWith("/original")).count(),
                        objects.listMultipartUploads(list -> list.bucket(bucket)).uploads().size());
            }
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T send(int n) throws Exception;
    }

    /** Makes {@code count} calls from threads of their own, released together. */
    private static <T> List<T> allAtOnce(int count, Call<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> calls = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int caller = n;
                calls.add(callers.submit((Callable<T>) () -> {
                    start.await();
                    return call.send(caller);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : calls) {
                answers.add(answer.get(TRANSFER_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A real PNG of exactly {@code size} bytes: a small picture whose file is filled up by a private ancillary chunk of
     * random bytes (which decoders skip, and nothing on the way can compress).
     */
    private static byte[] photoOfSize(int size) throws IOException {
        byte[] picture = picture();
        int end = picture.length - CHUNK_OVERHEAD;
        byte[] chunk = new byte[size - picture.length - CHUNK_OVERHEAD + FILL_CHUNK_TYPE.length];
        ThreadLocalRandom.current().nextBytes(chunk);
        System.arraycopy(FILL_CHUNK_TYPE, 0, chunk, 0, FILL_CHUNK_TYPE.length);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        return ByteBuffer.allocate(size)
                .put(picture, 0, end)
                .putInt(chunk.length - FILL_CHUNK_TYPE.length).put(chunk).putInt((int) crc.getValue())
                .put(picture, end, CHUNK_OVERHEAD)
                .array();
    }

    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
            graphics.fillRect(0, 0, 64, 48);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** The most memory the process has held, as the kernel counts it (VmHWM). */
    private static long peakResidentBytes(ProcessHandle process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for process " + process.pid());
    }

    private static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
