package io.atoll.cell.workers.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;

/**
 * The GitHub commit status channel: a repository scan's outcome is set as a status on the scanned commit.
 *
 * @param apiUrl GitHub's REST API; a GitHub Enterprise server's is {@code https://HOST/api/v3}
 * @param token a token allowed to write commit statuses on the scanned repositories
 * @param targetUrl where the status links to, with {@code {requestId}} replaced by the request's id; none when absent
 */
@ConfigurationProperties("atoll.workers.notifications.github")
public record GitHubStatusSettings(@Bindable(defaultValue = "https://api.github.com") @NotNull URI apiUrl,
                                   @NotBlank String token,
                                   @Nullable String targetUrl) {
}
