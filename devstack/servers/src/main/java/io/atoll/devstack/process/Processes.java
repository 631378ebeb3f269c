package io.atoll.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and stopping operating-system processes, with their output kept in log files. */
public final class Processes {
    private Processes() {
    }

    /**
     * Runs a command to completion, appending its output to {@code log}.
     *
     * @return the exit code
     * @throws IOException when it cannot start or runs longer than {@code timeout} (it is then killed)
     */
    public static int run(List<String> command, Map<String, String> environment, Path log, Duration timeout)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s (log: " + log + ")");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    /**
     * Starts a long-running server in a session of its own, so that it outlives this JVM and is not
     * hit by signals sent to the terminal that started it. Its output goes to {@code log}.
     */
    public static Process spawnDetached(List<String> command, Map<String, String> environment, Path workDir, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> detached = new ArrayList<>();
        detached.add("setsid");
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Asks a process to stop, and kills it when it has not stopped within {@code grace}. */
    public static void terminate(ProcessHandle process, Duration grace) throws IOException {
        CompletableFuture<ProcessHandle> exited = process.onExit();
        process.destroy();
        try {
            exited.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        } catch (ExecutionException e) {
            throw new IOException("could not wait for pid " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping pid " + process.pid(), e);
        }
    }

    public static void awaitExit(ProcessHandle process, Duration timeout) throws IOException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("pid " + process.pid() + " still runs after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("could not wait for pid " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for pid " + process.pid(), e);
        }
    }

    /**
     * Stops {@code pid} once {@code ownerPid} has exited. Test servers are shared by every module of
     * one build and must not outlive it; the build's Maven process is their owner.
     */
    public static void stopWhenGone(long ownerPid, long pid, Path log) throws IOException {
        String script = "while kill -0 " + ownerPid + " 2>/dev/null; do sleep 1; done; "
                + "kill " + pid + " 2>/dev/null; "
                + "for i in $(seq 30); do kill -0 " + pid + " 2>/dev/null || exit 0; sleep 1; done; "
                + "kill -9 " + pid + " 2>/dev/null";
        spawnDetached(List.of("bash", "-c", script), Map.of(), log.getParent(), log);
    }
}
