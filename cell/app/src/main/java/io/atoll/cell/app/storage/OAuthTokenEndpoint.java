package io.atoll.cell.app.storage;

import io.atoll.cell.app.config.ServiceJson;
import io.atoll.cell.app.config.StorageSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The cell auth's token endpoint, asked with the client credentials grant (RFC 6749 section 4.4). */
@Singleton
final class OAuthTokenEndpoint implements TokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenEndpoint.class);

    private final StorageSettings settings;
    private final ServiceJson json;
    private final HttpClient http;

    OAuthTokenEndpoint(StorageSettings settings, ServiceJson json) {
        this.settings = requireNonNull(settings, "settings is null");
        this.json = requireNonNull(json, "json is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    @Override
    public IssuedToken issue() {
        // RFC 6749 section 2.3.1: the client id and secret are form-encoded before they are joined.
        String credentials = encode(settings.clientId()) + ":" + encode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(settings.requestTimeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + encode(settings.scope())))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            throw new StorageUnavailableException("the token endpoint " + settings.tokenUrl() + " cannot be reached: " + unreachable,
                    Optional.empty(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while asking for a service token", Optional.empty(), interrupted);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String answer = new String(body.readNBytes(1_024), StandardCharsets.UTF_8);
                // A refused client is a deployment mistake that no retry repairs: say so loudly.
                LOG.error("The token endpoint {} refused the app's service client {}: {} {}", settings.tokenUrl(), settings.clientId(),
                        response.statusCode(), answer);
                throw new StorageUnavailableException("the token endpoint answered " + response.statusCode());
            }
            TokenAnswer answer = json.read(body, Argument.of(TokenAnswer.class));
            if (answer.accessToken() == null || answer.accessToken().isBlank() || answer.expiresIn() == null || answer.expiresIn() <= 0) {
                throw new StorageUnavailableException("the token endpoint answered without a usable token");
            }
            return new IssuedToken(answer.accessToken(), Duration.ofSeconds(answer.expiresIn()));
        } catch (IOException unreadable) {
            throw new StorageUnavailableException("the token endpoint's answer could not be read: " + unreadable, Optional.empty(), unreadable);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The token endpoint's successful answer (RFC 6749 section 5.1), in its own snake_case. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record TokenAnswer(@Nullable String accessToken, @Nullable Long expiresIn) {
    }
}
