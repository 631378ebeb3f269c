package io.atoll.cell.workers.runner.process;

import io.atoll.cell.workers.config.JobProcessSettings;
import io.atoll.cell.workers.domain.job.JobLaunch;
import io.atoll.cell.workers.domain.job.JobRun;
import io.atoll.cell.workers.domain.job.JobRunner;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Runs each job as a child process of the worker: {@code <java> -Xmx<max-heap> -jar <jobs jar> <kind>} in the
 * attempt's work folder, the spec written to its standard input. Its standard output (up to a limit) and the end of
 * its standard error are read while it runs, so a chatty program never blocks on a full pipe. At its timeout, or
 * when the worker stops, the program and everything it started are asked to end and, after a grace, killed.
 */
@Singleton
@Requires(property = "atoll.workers.runner", value = "process", defaultValue = "process")
public final class ProcessJobRunner implements JobRunner {
    /** How much of the end of a program's standard error is kept. */
    static final int STDERR_KEPT = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessJobRunner.class);

    private final JobProcessSettings settings;
    private final List<String> baseCommand;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService streams = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "job-streams");
        thread.setDaemon(true);
        return thread;
    });

    public ProcessJobRunner(JobProcessSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.baseCommand = settings.command().isEmpty()
                ? List.of(settings.java(), "-Xmx" + settings.maxHeap(), "-XX:+UseSerialGC", "-jar", settings.jar().toAbsolutePath().toString())
                : settings.command();
    }

    /** The command that runs a job of this kind. */
    List<String> command(String kind) {
        List<String> command = new ArrayList<>(baseCommand);
        command.add(kind);
        return command;
    }

    @Override
    public JobRun run(JobLaunch launch) throws InterruptedException {
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command(launch.kind())).directory(launch.workDir().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + launch.kind() + " program (" + baseCommand + ")", e);
        }
        running.add(process);
        try {
            streams.execute(() -> writeSpec(process, launch.specJson()));
            Future<CapturedOutput> stdout = streams.submit(() -> CapturedOutput.head(process.getInputStream(), settings.stdoutLimit()));
            Future<CapturedOutput> stderr = streams.submit(() -> CapturedOutput.tail(process.getErrorStream(), STDERR_KEPT));
            boolean exited = process.waitFor(launch.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                LOG.warn("Job {} ({}) attempt {} ran past its timeout of {}: stopping it and everything it started", launch.jobId(), launch.kind(),
                        launch.attempt(), launch.timeout());
                stop(process);
            }
            CapturedOutput out = collect(stdout, process);
            CapturedOutput err = collect(stderr, process);
            String diagnostics = diagnostics(out, err);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (!exited) {
                return new JobRun(JobRun.Outcome.TIMED_OUT, null, out.text(), diagnostics, took);
            }
            int exitCode = process.exitValue();
            return new JobRun(exitCode == 0 ? JobRun.Outcome.EXITED : JobRun.Outcome.FAILED, exitCode, out.text(), diagnostics, took);
        } catch (InterruptedException stopping) {
            stop(process);
            throw stopping;
        } finally {
            running.remove(process);
        }
    }

    /** The end of standard error, with the worker's notes of what was dropped from either stream. */
    private static String diagnostics(CapturedOutput stdout, CapturedOutput stderr) {
        StringBuilder diagnostics = new StringBuilder();
        stderr.droppedNote("standard error").ifPresent(note -> diagnostics.append(note).append('\n'));
        diagnostics.append(stderr.text());
        stdout.droppedNote("standard output").ifPresent(note -> {
            if (!diagnostics.isEmpty() && diagnostics.charAt(diagnostics.length() - 1) != '\n') {
                diagnostics.append('\n');
            }
            diagnostics.append(note);
        });
        return diagnostics.toString();
    }

    /** Stops whatever still runs when the worker stops, so no job outlives it. */
    @PreDestroy
    void close() {
        for (Process process : running) {
            LOG.warn("Stopping job process {} as the worker stops", process.pid());
            stop(process);
        }
        streams.shutdownNow();
    }

    /**
     * Asks the process and all its descendants to end, then kills what is left after the grace. The descendants are
     * found while the process still lives: once it is gone, they belong to no one.
     */
    private void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + settings.killGrace().toNanos();
        for (ProcessHandle handle : tree) {
            long remaining = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillThere) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                tree.forEach(ProcessHandle::destroyForcibly);
                return;
            }
        }
    }

    /**
     * The output a stream reader captured. A stream stays open as long as anything the program left behind holds it;
     * once the program has ended, such a leftover gets the grace to let go, then the stream is closed under it.
     */
    private CapturedOutput collect(Future<CapturedOutput> output, Process process) throws InterruptedException {
        try {
            return output.get(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException heldOpen) {
            LOG.warn("An output stream of job process {} stayed open after it ended; closing it", process.pid());
            closeQuietly(process);
            try {
                return output.get(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException unreadable) {
                return CapturedOutput.empty();
            }
        } catch (ExecutionException unreadable) {
            LOG.warn("An output stream of job process {} could not be read: {}", process.pid(), unreadable.getCause().toString());
            return CapturedOutput.empty();
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException alreadyClosed) {
            LOG.debug("closing the streams of job process {}: {}", process.pid(), alreadyClosed.toString());
        }
    }

    private static void writeSpec(Process process, String spec) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(spec.getBytes(StandardCharsets.UTF_8));
        } catch (IOException notRead) {
            // The program ended (or closed its input) before reading all of it: its exit says what became of it.
            LOG.debug("job process {} did not take its whole spec: {}", process.pid(), notRead.toString());
        }
    }
}
