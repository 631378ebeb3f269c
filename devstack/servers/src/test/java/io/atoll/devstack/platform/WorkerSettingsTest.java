package io.atoll.devstack.platform;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workers refuse to start on settings these refuse, so the platform refuses them before it starts anything. */
class WorkerSettingsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void aWebhookSecretShorterThanTheWorkersTakeIsRefused() {
        assertThatThrownBy(() -> new WorkerNotifications.Webhook(URI.create("https://hooks.example.com/atoll"), SECRET.substring(1)))
                .hasMessage("the webhook's secret must be at least 32 characters, not 31");
    }

    @Test
    void everyChannelNeedsAnHttpUrlWithAHost() {
        assertThatThrownBy(() -> new WorkerNotifications.Webhook(URI.create("ftp://hooks.example.com/atoll"), SECRET))
                .hasMessage("the webhook's URL must be an http or https URL with a host, not ftp://hooks.example.com/atoll");
        assertThatThrownBy(() -> new WorkerNotifications(Optional.of(URI.create("/services/T0/B0/X")), Optional.empty(), Optional.empty()))
                .hasMessageContaining("the Slack webhook's URL must be");
        assertThatThrownBy(() -> new WorkerNotifications.GitHubStatuses(URI.create("https://api.github.com"), " "))
                .hasMessage("the GitHub token is blank");
    }

    @Test
    void retryDelaysArePositiveWholeMilliseconds() {
        assertThatThrownBy(() -> new WorkerSettings(WorkerNotifications.NONE, List.of(Duration.ZERO))).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new WorkerSettings(WorkerNotifications.NONE, List.of(Duration.ofNanos(1500)))).hasMessageContaining("milliseconds");
    }

    @Test
    void theSecretsTheTokenAndSlacksWebhookPathStayOutOfTheSettingsText() {
        WorkerNotifications notifications = new WorkerNotifications(Optional.of(URI.create("https://hooks.slack.com/services/T0/B0/X")),
                Optional.of(new WorkerNotifications.Webhook(URI.create("https://hooks.example.com/atoll"), SECRET)),
                Optional.of(new WorkerNotifications.GitHubStatuses(URI.create("https://api.github.com"), "ghp_statuses")));

        assertThat(new WorkerSettings(notifications, List.of()).toString())
                .contains("https://hooks.slack.com/", "https://hooks.example.com/atoll", "https://api.github.com")
                .doesNotContain(SECRET, "ghp_statuses", "T0/B0/X");
    }
}
