package io.atoll.cell.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atoll.cell.jobs.support.LosslessWebp;
import io.atoll.cell.jobs.support.Specs;
import io.atoll.cell.jobs.support.TestPhotos;
import io.atoll.cell.jobs.support.TestRepository;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded JAR as the workers run it: {@code java -jar atoll-jobs.jar <kind>}, one child process per job. */
class JobMainIT {
    private static final Path JAR = Path.of(System.getProperty("atoll.jobs.jar", "target/atoll-jobs.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path folder;

    @Test
    void thumbnailsAPhotoAndPrintsOnlyTheResult() throws Exception {
        Path photo = Files.write(folder.resolve("photo.jpg"),
                TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.landscape(1600, 1200)), TestPhotos.Exif.phone()));
        Path output = folder.resolve("out");

        Finished run = run(Specs.json("input", photo, "outputDir", output, "sizes", List.of(160, 480)), "photo-thumbnails");

        assertThat(run.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).hasLineCount(1);
        JsonNode thumbnails = Specs.result(run.stdout()).get("thumbnails");
        assertThat(thumbnails.get(0).get("name").asText()).isEqualTo("thumb-160.jpg");
        assertThat(thumbnails.get(1).get("width").asInt()).isEqualTo(480);
        assertThat(thumbnails.get(1).get("height").asInt()).isEqualTo(360);
        assertThat(Files.size(output.resolve("thumb-480.jpg"))).isEqualTo(thumbnails.get(1).get("bytes").asLong());
    }

    @Test
    void inspectsAJpegAndAWebp() throws Exception {
        Path jpeg = Files.write(folder.resolve("photo.jpg"),
                TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.landscape(640, 480)), TestPhotos.Exif.phone()));
        // WebP is read by a plugin found through META-INF/services: this shows the shading kept its registration.
        Path webp = Files.write(folder.resolve("photo.webp"), LosslessWebp.encode(TestPhotos.halves(30, 20, Color.RED, Color.BLUE)));

        Finished jpegRun = run(Specs.json("input", jpeg), "photo-inspection");
        Finished webpRun = run(Specs.json("input", webp), "photo-inspection");

        assertThat(jpegRun.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
        ObjectNode result = Specs.result(jpegRun.stdout());
        assertThat(result.get("format").asText()).isEqualTo("jpeg");
        assertThat(result.get("dhash").asText()).matches("[0-9a-f]{16}");
        assertThat(result.get("exif").toString())
                .isEqualTo("{\"camera\":\"Google Pixel 8\",\"takenAt\":\"2024-05-01T10:20:30+02:00\",\"hasLocation\":true}");
        assertThat(webpRun.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
        assertThat(Specs.result(webpRun.stdout()).get("format").asText()).isEqualTo("webp");
        assertThat(Specs.result(webpRun.stdout()).get("width").asInt()).isEqualTo(30);
    }

    @Test
    void plansAndScansARepository() throws Exception {
        try (TestRepository repository = TestRepository.create(folder.resolve("work"))) {
            String commit = repository.write("config/aws.properties", "key=" + "AKIA" + "IOSFODNN7EXAMPLE" + "\n")
                    .write("README.md", "# Demo\n")
                    .commit("first");
            String location = repository.workTree().toUri().toString();

            Finished plan = run(Specs.json("repository", location, "commit", commit), "repository-plan");
            Finished scan = run(Specs.json("repository", location, "commit", commit, "directory", "config"), "repository-scan");

            assertThat(plan.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
            assertThat(plan.stdout()).isEqualTo("{\"directories\":[\"config\",\".\"]}\n");
            assertThat(scan.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
            assertThat(scan.stderr()).isEmpty();
            assertThat(scan.stdout()).isEqualTo("{\"directory\":\"config\",\"files\":1,\"lines\":1,\"languages\":{},"
                    + "\"secrets\":[{\"path\":\"config/aws.properties\",\"line\":1,\"rule\":\"aws-access-key-id\"}]}\n");
        }
    }

    @Test
    void noopAndSleepSucceed() throws Exception {
        assertThat(run("{}", "noop")).isEqualTo(new Finished(JobMain.EXIT_SUCCEEDED, "{}\n", ""));
        assertThat(run("{\"seconds\": 0.2}", "sleep")).isEqualTo(new Finished(JobMain.EXIT_SUCCEEDED, "{\"slept\":0.2}\n", ""));
    }

    @Test
    void aBadArgumentOrSpecExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Finished unknownKind = run("{}", "resize");
        Finished noKind = run("{}");
        Finished notJson = run("this is not json", "photo-inspection");
        Finished missingInput = run(Specs.json("input", folder.resolve("gone.jpg")), "photo-inspection");
        Finished notAPhoto = run(Specs.json("input", Files.writeString(folder.resolve("notes.txt"), "hello")),
                "photo-inspection");

        for (Finished run : List.of(unknownKind, noKind, notJson, missingInput, notAPhoto)) {
            assertThat(run.exitCode()).isEqualTo(JobMain.EXIT_REJECTED);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderr()).hasLineCount(1).doesNotContain("Exception", "\tat ");
        }
        assertThat(unknownKind.stderr()).startsWith("usage: java -jar atoll-jobs.jar <kind>");
        assertThat(missingInput.stderr()).contains("gone.jpg is not a file");
    }

    @Test
    void aCrashExitsOneWithAMessage() throws Exception {
        Finished crash = run("{}", "crash");

        assertThat(crash.exitCode()).isEqualTo(JobMain.EXIT_FAILED);
        assertThat(crash.stdout()).isEmpty();
        assertThat(crash.stderr().strip().lines().reduce((first, second) -> second)).get(InstanceOfAssertFactories.STRING)
                .startsWith("crash: failed: ");
    }

    private Finished run(String spec, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(spec.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        // The outputs are small: reading one to its end before the other cannot fill the other's pipe.
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the job ended").isTrue();
        return new Finished(process.exitValue(), stdout, stderr);
    }

    private record Finished(int exitCode, String stdout, String stderr) {
    }
}
