package io.atoll.devstack.server;

import io.atoll.devstack.process.OwnedProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One kind of real server the platform needs: how to recognise it on a port, how to start a private
 * one on this machine, and how to stop the one it started.
 */
public interface Server {
    /** The component's name in status output and in the state file, e.g. {@code postgres}. */
    String name();

    Endpoint endpoint();

    /** The setting a user changes to move this server to another port, for error messages. */
    String portSetting();

    Answer probe();

    /**
     * Starts a private server in {@code home} and returns once it answers {@link Answer#READY}.
     *
     * @throws IOException when it cannot be started or does not become ready in time; the message names its log
     */
    OwnedProcess start(Path home, Progress progress) throws IOException;

    /**
     * What status shows of the server beside its state, by name (a replica's lag); asked only of a ready server,
     * and it must answer within a status's deadline.
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** Stops a server this platform started; returns when its process is gone. */
    void stop(OwnedProcess process) throws IOException;
}
