package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.NotificationChannel;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each channel exists exactly when it is configured, with the documented defaults. */
class NotificationChannelWiringTest {
    /** The broker is not what this test is about; the module's listeners stay unconnected. */
    private static final Map<String, Object> WITHOUT_BROKER = Map.of("rabbitmq.enabled", false);

    @Test
    void noChannelIsMadeWhenNoneIsConfigured() {
        try (ApplicationContext context = ApplicationContext.run(WITHOUT_BROKER)) {
            assertThat(context.getBeansOfType(NotificationChannel.class)).isEmpty();
        }
    }

    @Test
    void everyConfiguredChannelIsMadeWithTheDefaultsItDoesNotSet() {
        Map<String, Object> properties = new java.util.HashMap<>(WITHOUT_BROKER);
        properties.put("atoll.workers.notifications.slack.url", "https://hooks.slack.com/services/T000/B000/XXXX");
        properties.put("atoll.workers.notifications.webhook.url", "https://hooks.example.com/atoll");
        properties.put("atoll.workers.notifications.webhook.secret", "0123456789abcdef0123456789abcdef");
        properties.put("atoll.workers.notifications.github.token", "ghp_0123456789");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBeansOfType(NotificationChannel.class)).extracting(NotificationChannel::name)
                    .containsExactlyInAnyOrder("slack", "webhook", "github-status");
            assertThat(context.getBean(NotificationHttpSettings.class))
                    .isEqualTo(new NotificationHttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5)));
            assertThat(context.getBean(GitHubStatusSettings.class).apiUrl()).isEqualTo(URI.create("https://api.github.com"));
        }
    }
}
