package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.RouterServices;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the router's admin API is, and the operator's token for it. */
final class RouterAdminOptions {
    @Option(names = "--admin-url", paramLabel = "URL", defaultValue = "${env:ATOLL_ROUTER_ADMIN_URL:-http://127.0.0.1:8081}",
            description = "The router's admin API (env ATOLL_ROUTER_ADMIN_URL; default: ${DEFAULT-VALUE}).")
    URI adminUrl;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ATOLL_OPERATOR_TOKEN}",
            description = "An operator's bearer token (env ATOLL_OPERATOR_TOKEN); by default the local platform's, from the state folder.")
    String token;

    /** The admin API with the given token, or the local platform's from {@code stateDir}. */
    RouterAdmin client(Path stateDir) {
        if (token != null && !token.isBlank()) {
            return new RouterAdmin(adminUrl, token);
        }
        Path local = stateDir.resolve(RouterServices.ADMIN_TOKEN_FILE);
        try {
            return new RouterAdmin(adminUrl, Files.readString(local).strip());
        } catch (IOException e) {
            throw new PlatformException("no operator token: pass --token or ATOLL_OPERATOR_TOKEN (" + local + " holds the local platform's once `up` has started the router)");
        }
    }
}
