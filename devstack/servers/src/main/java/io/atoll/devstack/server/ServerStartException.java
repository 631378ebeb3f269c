package io.atoll.devstack.server;

import java.io.IOException;
import java.nio.file.Path;

/** A server could not be started; the message is one line and names the log to read. */
public final class ServerStartException extends IOException {
    public ServerStartException(String component, String problem, Path log) {
        super(component + " " + problem + " (log: " + log + ")");
    }
}
