package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.RouterServices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

@Command(name = "cells", description = "Lists the router's cells, or drains and undrains one: cells list, cells drain eu-west-1, cells undrain eu-west-1.")
final class CellsCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "ACTION", description = "list, drain or undrain")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CELL", description = "The cell to drain or undrain.")
    String cell;

    @Option(names = "--admin-url", paramLabel = "URL", defaultValue = "${env:ATOLL_ROUTER_ADMIN_URL:-http://127.0.0.1:8081}",
            description = "The router's admin API (default: ${DEFAULT-VALUE}).")
    URI adminUrl;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ATOLL_OPERATOR_TOKEN}",
            description = "An operator's bearer token (env ATOLL_OPERATOR_TOKEN); by default the local platform's admin token from its state folder.")
    String token;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:ATOLL_STATE_DIR:-.atoll}", hidden = true)
    Path stateDir;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        HttpRequest.Builder request = switch (action) {
            case "list" -> HttpRequest.newBuilder(adminUrl.resolve("/admin/cells")).GET();
            case "drain", "undrain" -> {
                if (cell == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), action + " needs the cell, e.g. cells " + action + " eu-west-1");
                }
                yield HttpRequest.newBuilder(adminUrl.resolve("/admin/cells/" + cell + "/" + action)).POST(HttpRequest.BodyPublishers.noBody());
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "cells takes list, drain or undrain, not '" + action + "'");
        };
        HttpResponse<String> response = send(request.header("Authorization", "Bearer " + operatorToken()).timeout(Duration.ofSeconds(10)).build());
        if (response.statusCode() >= 300) {
            throw new PlatformException("the router refused: " + response.statusCode() + " " + response.body().strip().replace('\n', ' '));
        }
        spec.commandLine().getOut().println(response.body().strip());
    }

    private String operatorToken() {
        if (token != null && !token.isBlank()) {
            return token;
        }
        Path local = stateDir.resolve(RouterServices.ADMIN_TOKEN_FILE);
        try {
            return Files.readString(local).strip();
        } catch (IOException e) {
            throw new PlatformException("no operator token: pass --token or ATOLL_OPERATOR_TOKEN (" + local + " holds the local platform's once `up` has started the router)");
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformException("the router's admin API at " + adminUrl + " does not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
