package io.atoll.cell.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * How the app reaches the cell's storage service, which keeps members' orders, uploads and profiles.
 *
 * @param url storage's base URL
 * @param tokenUrl the cell auth's token endpoint, where the app gets its service token (client credentials)
 * @param clientId the app's service client
 * @param clientSecret its secret
 * @param scope the scopes the app asks for
 * @param connectTimeout how long opening a connection to storage (or auth) may take
 * @param requestTimeout how long storage may take to answer a request without a photo in it
 * @param uploadTimeout how long storage may take to answer an upload, counted from its start: the photo
 *     comes at the member's pace
 * @param tokenRenewal how long before its expiry a service token is replaced
 * @param retryAfter what the app tells members to wait (Retry-After) while storage is unavailable
 */
@ConfigurationProperties("atoll.app.storage")
public record StorageSettings(
        @NotNull URI url,
        @NotNull URI tokenUrl,
        @NotBlank String clientId,
        @NotNull String clientSecret,
        @NotBlank String scope,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout,
        @NotNull Duration uploadTimeout,
        @NotNull Duration tokenRenewal,
        @NotNull Duration retryAfter) {
}
