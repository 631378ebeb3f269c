package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.platform.PlatformException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** The router's admin API, as an operator calls it. */
final class RouterAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI adminUrl;
    private final String token;

    RouterAdmin(URI adminUrl, String token) {
        this.adminUrl = requireNonNull(adminUrl, "adminUrl is null");
        this.token = requireNonNull(token, "token is null");
    }

    /** Every cell with its health and traffic, and the registry they come from. */
    JsonNode cells() {
        return send(request("/admin/cells").GET());
    }

    /** Drains or undrains a cell; returns the cell as it is now. */
    JsonNode act(String cell, String action) {
        return send(request("/admin/cells/" + cell + "/" + action).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(adminUrl.resolve(path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new PlatformException("the router refused: " + response.statusCode() + " " + response.body().strip().replace('\n', ' '));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("the router's admin API at " + adminUrl + " does not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
