package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.PlatformSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * An operator's way into a cell's storage: a service account of the cell's auth, {@code operator}, with storage's
 * scopes and its secret kept in the state folder, asked for a token with the client credentials grant at the cell's
 * ingress. The account is made (by auth's own admin command, which takes seconds) only when its secret file is
 * missing or auth no longer knows it, such as after its database was made afresh.
 */
final class OperatorAccess {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private OperatorAccess() {
    }

    /** The cell's storage with a fresh operator token. */
    static StorageApi storage(PlatformSettings settings, CellServices cell) {
        return new StorageApi(URI.create("http://" + cell.storage()), token(settings, cell));
    }

    private static String token(PlatformSettings settings, CellServices cell) {
        Path secretFile = cell.operatorClientSecretFile(settings.stateDir());
        boolean ensured = false;
        if (!Files.exists(secretFile)) {
            ensureAccount(settings, cell, secretFile);
            ensured = true;
        }
        Optional<String> token = request(cell, secretFile);
        if (token.isEmpty() && !ensured) {
            ensureAccount(settings, cell, secretFile);
            token = request(cell, secretFile);
        }
        return token.orElseThrow(() -> new PlatformException("cell " + cell.region() + "'s auth refuses the operator's account even after"
                + " it was set up again; see " + authAdminLog(settings, cell)));
    }

    private static void ensureAccount(PlatformSettings settings, CellServices cell, Path secretFile) {
        Path repository = CellAdmin.repository(settings);
        CellAdmin.requireBuilt(cell.authJar(repository));
        try {
            cell.ensureStorageClient(repository, settings.postgresServer(), CellServices.OPERATOR_CLIENT_ID, secretFile,
                    authAdminLog(settings, cell));
        } catch (IOException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }

    private static Path authAdminLog(PlatformSettings settings, CellServices cell) {
        return settings.stateDir().resolve(cell.region()).resolve("operator").resolve("auth-admin.log");
    }

    /** A token, or none when auth does not know the account or its secret. */
    private static Optional<String> request(CellServices cell, Path secretFile) {
        URI tokenUrl = URI.create("http://" + cell.ingress() + "/oauth/token");
        String secret;
        try {
            secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new PlatformException("could not read the operator's secret " + secretFile + ": " + e.getMessage(), e);
        }
        // RFC 6749 section 2.3.1: the client id and secret are form-encoded before they are joined.
        String credentials = encode(CellServices.OPERATOR_CLIENT_ID) + ":" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + encode(CellServices.STORAGE_CLIENT_SCOPES)))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformException("cell " + cell.region() + "'s ingress at http://" + cell.ingress() + " does not answer ("
                    + e.getClass().getSimpleName() + "); see ./atoll status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
        if (response.statusCode() == 401) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new PlatformException("cell " + cell.region() + "'s auth refused the operator a token: "
                    + StorageApi.refusal(response.statusCode(), response.body()));
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            String token = answer.path("access_token").asText("");
            if (token.isBlank()) {
                throw new PlatformException("cell " + cell.region() + "'s auth answered without a token");
            }
            return Optional.of(token);
        } catch (IOException e) {
            throw new PlatformException("cell " + cell.region() + "'s auth answered with something that is not JSON");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
