package io.atoll.cell.workers.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * How the workers reach the cell's storage service, which keeps the job requests, their jobs and results, and the
 * uploads the photo jobs read.
 *
 * @param url storage's base URL
 * @param tokenUrl the cell auth's token endpoint, where the workers get their service token (client credentials)
 * @param clientId the workers' service client
 * @param clientSecret its secret
 * @param scope the scopes the workers ask for
 * @param connectTimeout how long opening a connection to storage (or auth) may take
 * @param requestTimeout how long storage may take to answer a request
 * @param transferTimeout how long storage may take to start answering a request that carries a photo or a thumbnail
 * @param tokenRenewal how long before its expiry a service token is replaced
 */
@ConfigurationProperties("atoll.workers.storage")
public record StorageSettings(
        @NotNull URI url,
        @NotNull URI tokenUrl,
        @NotBlank String clientId,
        @NotNull String clientSecret,
        @NotBlank String scope,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout,
        @NotNull Duration transferTimeout,
        @NotNull Duration tokenRenewal) {
}
