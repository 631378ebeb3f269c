package io.atoll.devstack.server.trino;

import io.atoll.devstack.server.Endpoint;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How the platform's Trino runs.
 *
 * @param http where it listens for HTTP: its own workers' traffic and {@code /v1/info}; people's queries are refused there
 * @param httpsPort the port on the same host where people connect, with a password, over HTTPS
 * @param home its folder in the platform's state folder: the unpacked server, its generated {@code etc/}, its data and log
 * @param heapMegabytes its JVM's maximum heap
 * @param catalogs the PostgreSQL catalogs it starts with
 */
public record TrinoSettings(Endpoint http, int httpsPort, Path home, int heapMegabytes, List<TrinoCatalog> catalogs) {
    /** The heap `./atoll up` gives it: enough for the teams' queries on a two-core machine (SERVERS.md). */
    public static final int LOCAL_HEAP_MEGABYTES = 2048;

    public TrinoSettings {
        requireNonNull(http, "http is null");
        requireNonNull(home, "home is null");
        home = home.toAbsolutePath();
        catalogs = List.copyOf(catalogs);
        if (httpsPort < 1 || httpsPort > 65535 || httpsPort == http.port()) {
            throw new IllegalArgumentException("HTTPS port " + httpsPort + " is not a port other than HTTP's " + http.port());
        }
        if (heapMegabytes < 512) {
            throw new IllegalArgumentException("a Trino heap of " + heapMegabytes + " MB is too small: give it 512 MB or more");
        }
        if (catalogs.stream().map(TrinoCatalog::name).distinct().count() != catalogs.size()) {
            throw new IllegalArgumentException("catalog names repeat: " + catalogs.stream().map(TrinoCatalog::name).toList());
        }
    }

    public Endpoint https() {
        return new Endpoint(http.host(), httpsPort);
    }
}
