package io.atoll.cell.jobs;

import io.atoll.cell.jobs.support.Specs;
import io.atoll.cell.jobs.support.TestPhotos;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The program's contract, run in this JVM: arguments, spec on stdin, result on stdout, exit codes. */
class JobMainTest {
    private final JobMain main = new JobMain(JobCatalog.standard());

    @TempDir
    Path folder;

    @Test
    void printsTheResultAsOneJsonObjectAndExitsZero() {
        Outcome noop = run("{}", "noop");
        Outcome sleep = run("{\"seconds\": 0.05}", "sleep");

        assertThat(noop.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
        assertThat(noop.stdout()).isEqualTo("{}\n");
        assertThat(noop.stderr()).isEmpty();
        assertThat(sleep.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
        assertThat(sleep.stdout()).isEqualTo("{\"slept\":0.05}\n");
    }

    @Test
    void leavesOutExifFactsThatAreNotRecorded() throws Exception {
        Path photo = Files.write(folder.resolve("plain.png"), TestPhotos.png(TestPhotos.landscape(120, 80)));

        Outcome inspection = run(Specs.json("input", photo), "photo-inspection");

        assertThat(inspection.exitCode()).isEqualTo(JobMain.EXIT_SUCCEEDED);
        assertThat(Specs.result(inspection.stdout()).get("format").asText()).isEqualTo("png");
        assertThat(Specs.result(inspection.stdout()).get("exif").toString()).isEqualTo("{\"hasLocation\":false}");
    }

    @Test
    void aBadArgumentIsRefusedWithTheKindsThatExist() {
        for (String[] args : new String[][]{{}, {"resize"}, {"noop", "extra"}}) {
            Outcome outcome = run("{}", args);

            assertThat(outcome.exitCode()).isEqualTo(JobMain.EXIT_REJECTED);
            assertThat(outcome.stdout()).isEmpty();
            assertThat(outcome.stderr()).isEqualTo("usage: java -jar atoll-jobs.jar <kind> < spec.json, where kind is one of "
                    + "crash, noop, photo-inspection, photo-thumbnails, repository-plan, repository-scan, sleep\n");
        }
    }

    @Test
    void aBadSpecIsRefusedOnOneLine() {
        Outcome notJson = run("{\"seconds\": ", "sleep");
        Outcome badField = run("{\"seconds\": -1}", "sleep");

        assertThat(notJson.exitCode()).isEqualTo(JobMain.EXIT_REJECTED);
        assertThat(notJson.stderr()).startsWith("sleep: rejected: the spec is not valid JSON").hasLineCount(1);
        assertThat(badField.exitCode()).isEqualTo(JobMain.EXIT_REJECTED);
        assertThat(badField.stderr()).isEqualTo("sleep: rejected: spec field \"seconds\" must be a number from 0 to 1800\n");
        assertThat(badField.stdout()).isEmpty();
    }

    @Test
    void anUnexpectedFailureExitsOneWithItsStory() {
        Outcome crash = run("{}", "crash");

        assertThat(crash.exitCode()).isEqualTo(JobMain.EXIT_FAILED);
        assertThat(crash.stdout()).isEmpty();
        assertThat(crash.stderr()).contains("at io.atoll.cell.jobs.control.CrashJob.run");
        assertThat(crash.stderr().strip().lines().reduce((first, second) -> second))
                .as("the last line, which the workers keep as the reason")
                .get(InstanceOfAssertFactories.STRING).startsWith("crash: failed: java.lang.IllegalStateException: this job crashes on purpose");
    }

    private Outcome run(String spec, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = main.run(args, new ByteArrayInputStream(spec.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int exitCode, String stdout, String stderr) {
    }
}
