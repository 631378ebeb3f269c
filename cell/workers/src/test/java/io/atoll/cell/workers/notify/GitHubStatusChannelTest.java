package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.atoll.cell.workers.notify.support.Completions;
import io.atoll.cell.workers.notify.support.HttpReceiver;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubStatusChannelTest {
    private static final String TOKEN = "ghp_test_token_0123456789";

    @Test
    void setsTheScansOutcomeOnTheScannedCommit() throws Exception {
        Completion scan = Completions.repositoryScan("succeeded", List.of(Map.of("path", "app/.env", "line", 3, "rule", "aws-access-key")));
        try (HttpReceiver github = HttpReceiver.answering(201, "{\"state\":\"failure\"}")) {
            channel(github.url("/api/v3/"), "https://ops.example.com/requests/{requestId}").send(Completions.notificationOf(scan));

            HttpReceiver.Received request = github.only();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v3/repos/octo-org/atoll-demo/statuses/" + Completions.COMMIT);
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(request.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
            assertThat(TestPosters.parsed(request.body())).isEqualTo(Map.of(
                    "state", "failure",
                    "description", "1 secrets in 12 directories",
                    "context", "atoll/repository-scan",
                    "target_url", "https://ops.example.com/requests/" + scan.requestId()));
        }
    }

    @Test
    void leavesOutTheLinkWhenNoneIsConfigured() throws Exception {
        try (HttpReceiver github = HttpReceiver.answering(201, "{}")) {
            channel(github.url(""), null).send(Completions.notificationOf(Completions.repositoryScan("succeeded", List.of())));

            assertThat(TestPosters.parsed(github.only().body())).containsOnlyKeys("state", "description", "context")
                    .containsEntry("state", "success");
        }
    }

    @Test
    void appliesOnlyToScansOfAGitHubCommit() {
        GitHubStatusChannel channel = channel(URI.create("https://api.github.com"), null);
        Completion scan = Completions.repositoryScan("failed", List.of());

        assertThat(channel.name()).isEqualTo("github-status");
        assertThat(channel.appliesTo(scan)).isTrue();
        assertThat(channel.target(scan)).isEqualTo("octo-org/atoll-demo@" + Completions.COMMIT);
        assertThat(channel.appliesTo(Completions.photo("3 thumbnails"))).isFalse();
    }

    @Test
    void aRevokedTokenIsNotRetriedAndAGitHubOutageIs() throws Exception {
        Completion scan = Completions.repositoryScan("succeeded", List.of());
        try (HttpReceiver revoked = HttpReceiver.answering(401, "{\"message\":\"Bad credentials\"}");
             HttpReceiver down = HttpReceiver.answering(502, "<html>Bad gateway</html>")) {
            assertThatThrownBy(() -> channel(revoked.url(""), null).send(Completions.notificationOf(scan)))
                    .isInstanceOfSatisfying(NotificationFailedException.class, failure -> {
                        assertThat(failure.retryable()).isFalse();
                        assertThat(failure.getMessage()).contains("HTTP 401", "Bad credentials");
                    });
            assertThatThrownBy(() -> channel(down.url(""), null).send(Completions.notificationOf(scan)))
                    .isInstanceOfSatisfying(NotificationFailedException.class, failure -> assertThat(failure.retryable()).isTrue());
        }
    }

    @Test
    void aCompletionItDoesNotApplyToIsRefusedWithoutSending() throws Exception {
        try (HttpReceiver github = HttpReceiver.answering(201, "{}")) {
            assertThatThrownBy(() -> channel(github.url(""), null).send(Completions.notificationOf(Completions.photo("x"))))
                    .isInstanceOfSatisfying(NotificationFailedException.class, failure -> assertThat(failure.retryable()).isFalse());
            assertThat(github.received()).isEmpty();
        }
    }

    private static GitHubStatusChannel channel(URI apiUrl, String targetUrl) {
        return new GitHubStatusChannel(new GitHubStatusSettings(apiUrl, TOKEN, targetUrl), TestPosters.poster());
    }
}
