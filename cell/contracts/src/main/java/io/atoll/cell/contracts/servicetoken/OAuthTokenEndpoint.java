package io.atoll.cell.contracts.servicetoken;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
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

import static java.util.Objects.requireNonNull;

/** The cell auth's token endpoint, asked with the client credentials grant (RFC 6749 section 4.4). */
public final class OAuthTokenEndpoint implements TokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenEndpoint.class);
    /** More of a refusal than any OAuth error answer holds. */
    private static final int ERROR_BYTES = 1_024;

    private final ClientCredentials client;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final HttpClient http;

    /**
     * @param connectTimeout how long opening a connection to the endpoint may take
     * @param requestTimeout how long the endpoint may take to answer
     */
    public OAuthTokenEndpoint(ClientCredentials client, Duration connectTimeout, Duration requestTimeout, ObjectMapper json) {
        this.client = requireNonNull(client, "client is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        this.json = requireNonNull(json, "json is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requireNonNull(connectTimeout, "connectTimeout is null"))
                .build();
    }

    @Override
    public IssuedToken issue() {
        // RFC 6749 section 2.3.1: the client id and secret are form-encoded before they are joined.
        String credentials = encode(client.clientId()) + ":" + encode(client.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(client.tokenUrl())
                .timeout(requestTimeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + encode(client.scope())))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            throw new TokenUnavailableException("the token endpoint " + client.tokenUrl() + " cannot be reached: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("interrupted while asking for a service token", interrupted);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String answer = new String(body.readNBytes(ERROR_BYTES), StandardCharsets.UTF_8);
                // A refused client is a deployment mistake that no retry repairs: say so loudly.
                LOG.error("The token endpoint {} refused the service client {}: {} {}", client.tokenUrl(), client.clientId(),
                        response.statusCode(), answer);
                throw new TokenUnavailableException("the token endpoint answered " + response.statusCode());
            }
            TokenAnswer answer = json.readValue(body, TokenAnswer.class);
            if (answer.accessToken() == null || answer.accessToken().isBlank() || answer.expiresIn() == null || answer.expiresIn() <= 0) {
                throw new TokenUnavailableException("the token endpoint answered without a usable token");
            }
            return new IssuedToken(answer.accessToken(), Duration.ofSeconds(answer.expiresIn()));
        } catch (IOException unreadable) {
            throw new TokenUnavailableException("the token endpoint's answer could not be read: " + unreadable, unreadable);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The token endpoint's successful answer (RFC 6749 section 5.1), in its own snake_case and with fields not read here. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenAnswer(@Nullable String accessToken, @Nullable Long expiresIn) {
    }
}
