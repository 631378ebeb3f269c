package io.atoll.devstack.server;

/** Receives what a long operation is doing, one line at a time. */
@FunctionalInterface
public interface Progress {
    Progress SILENT = (component, message) -> { };

    void report(String component, String message);
}
