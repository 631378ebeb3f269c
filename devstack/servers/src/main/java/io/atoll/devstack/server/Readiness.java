package io.atoll.devstack.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a server to answer. */
public final class Readiness {
    private static final Duration POLL = Duration.ofMillis(200);

    private Readiness() {
    }

    /** Returns once {@code server} answers {@link Answer#READY}; fails after {@code timeout}, naming {@code log}. */
    public static void await(Server server, Duration timeout, Path log) throws ServerStartException {
        await(server, timeout, log, () -> true);
    }

    /**
     * As {@link #await(Server, Duration, Path)}, and fails at once when {@code alive} turns false (the
     * process being waited for has died, so waiting longer is pointless).
     */
    public static void await(Server server, Duration timeout, Path log, BooleanSupplier alive)
            throws ServerStartException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Answer answer = server.probe();
            if (answer == Answer.READY) {
                return;
            }
            if (!alive.getAsBoolean()) {
                throw new ServerStartException(server.name(), "exited while starting", log);
            }
            if (System.nanoTime() > deadline) {
                throw new ServerStartException(server.name(), "was not ready after " + timeout.toSeconds()
                        + " s (last probe: " + answer.name().toLowerCase() + ")", log);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /**
     * Waits for a server just started as {@code process}; kills the process when it does not become
     * ready, so a failed start leaves nothing behind.
     */
    public static void awaitStarted(Server server, Process process, Duration timeout, Path log) throws ServerStartException {
        try {
            await(server, timeout, log, process::isAlive);
        } catch (ServerStartException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** What a failed connection attempt says about the port. */
    public static Answer classify(IOException failure) {
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException) {
            return Answer.SILENT;
        }
        // Connected, but the peer did not answer the protocol's opening in time or hung up.
        return Answer.FOREIGN;
    }
}
