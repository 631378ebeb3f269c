package io.atoll.cell.workers.runner.process;

import io.atoll.cell.workers.config.JobProcessSettings;
import io.atoll.cell.workers.domain.job.JobLaunch;
import io.atoll.cell.workers.domain.job.JobRun;
import io.atoll.cell.workers.support.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The runner with real child processes: shell programs standing in for the job programs through the test-only command. */
class ProcessJobRunnerTest {
    private static final Duration SHORTEST = JobLaunch.SHORTEST_TIMEOUT;

    @TempDir
    Path work;

    private ProcessJobRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aProgramGetsItsSpecOnStandardInputInItsWorkFolderAndItsOutputIsKept() throws Exception {
        runner = runner("read spec; echo \"{\\\"kind\\\": \\\"$0\\\", \\\"spec\\\": $spec, \\\"dir\\\": \\\"$(pwd)\\\"}\"; echo working >&2");

        JobRun run = runner.run(launch("noop", "{\"n\": 1}", SHORTEST));

        assertThat(run.outcome()).isEqualTo(JobRun.Outcome.EXITED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("\"kind\": \"noop\"").contains("\"spec\": {\"n\": 1}").contains("\"dir\": \"" + work.toRealPath() + "\"");
        assertThat(run.stderr()).isEqualTo("working\n");
    }

    @Test
    void aProgramThatExitsNonZeroFailedWithItsExitCodeAndTheEndOfItsStandardError() throws Exception {
        runner = runner("i=0; while [ $i -lt 3000 ]; do echo \"diagnostic line $i of a failing program\" >&2; i=$((i+1)); done; exit 1");

        JobRun run = runner.run(launch("crash", "{}", SHORTEST));

        assertThat(run.outcome()).isEqualTo(JobRun.Outcome.FAILED);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("[atoll-workers] ").contains("bytes of standard error were dropped before the 65536 kept")
                .endsWith("diagnostic line 2999 of a failing program\n")
                .doesNotContain("diagnostic line 0 of");
        assertThat(run.stderr().length()).isLessThan(ProcessJobRunner.STDERR_KEPT + 200);
    }

    @Test
    void aProgramPastItsTimeoutIsStoppedWithEverythingItStarted() throws Exception {
        runner = runner("sleep 300 & echo $! > pids; echo $$ >> pids; sleep 300 & echo $! >> pids; wait");

        long started = System.nanoTime();
        JobRun run = runner.run(launch("sleep", "{}", SHORTEST));

        assertThat(run.outcome()).isEqualTo(JobRun.Outcome.TIMED_OUT);
        assertThat(run.exitCode()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORTEST.plusSeconds(10));
        List<Long> pids = Files.readAllLines(work.resolve("pids")).stream().map(String::trim).map(Long::parseLong).toList();
        assertThat(pids).hasSize(3);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pids).noneMatch(Processes::running));
    }

    @Test
    void hugeOutputNeverBlocksTheProgramAndOnlyItsBeginningIsKept() throws Exception {
        runner = runner("head -c 50000000 /dev/zero | tr '\\0' 'x'; head -c 20000000 /dev/zero | tr '\\0' 'y' >&2");

        JobRun run = runner.run(launch("noop", "{}", Duration.ofSeconds(60)));

        assertThat(run.outcome()).isEqualTo(JobRun.Outcome.EXITED);
        assertThat(run.stdout()).hasSize(1024 * 1024).matches("x+");
        assertThat(run.stderr()).contains("bytes of standard output were dropped after the 1048576 kept");
    }

    @Test
    void theStopOfTheWorkerStopsARunningProgram() throws Exception {
        runner = runner("echo $$ > pid; sleep 300");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<JobRun> run = worker.submit(() -> runner.run(launch("sleep", "{}", Duration.ofMinutes(5))));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(work.resolve("pid")) && !Files.readString(work.resolve("pid")).isBlank());
            long pid = Long.parseLong(Files.readString(work.resolve("pid")).trim());

            worker.shutdownNow();

            assertThatExceptionOfType(Exception.class).isThrownBy(run::get);
            await().atMost(Duration.ofSeconds(10)).until(() -> !Processes.running(pid));
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aProgramThatCannotBeStartedIsTheRunnersOwnFailure() {
        runner = new ProcessJobRunner(new JobProcessSettings(Path.of("atoll-jobs.jar"), "/no/such/java", "64m", List.of(), 1024 * 1024,
                Duration.ofSeconds(2)));

        assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> runner.run(launch("noop", "{}", SHORTEST)))
                .withMessageContaining("cannot start the noop program");
    }

    @Test
    void byDefaultAJobRunsTheJobsJarWithItsKindAndALimitedHeap() {
        runner = new ProcessJobRunner(new JobProcessSettings(Path.of("cell/jobs/target/atoll-jobs.jar"), "/opt/java/bin/java", "128m", null,
                1024 * 1024, Duration.ofSeconds(2)));

        assertThat(runner.command("photo-inspection")).containsExactly("/opt/java/bin/java", "-Xmx128m", "-XX:+UseSerialGC", "-jar",
                Path.of("cell/jobs/target/atoll-jobs.jar").toAbsolutePath().toString(), "photo-inspection");
    }

    private ProcessJobRunner runner(String script) {
        // The kind becomes the script's $0: `sh -c script kind`.
        return new ProcessJobRunner(new JobProcessSettings(Path.of("unused.jar"), "java", "64m", List.of("sh", "-c", script), 1024 * 1024,
                Duration.ofSeconds(2)));
    }

    private JobLaunch launch(String kind, String spec, Duration timeout) {
        return new JobLaunch(UUID.randomUUID(), 1, kind, spec, timeout, work);
    }
}
