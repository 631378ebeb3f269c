package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationChannel;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Sets a repository scan's outcome as a commit status (context {@value GitHubCommitStatus#CONTEXT}) on the scanned
 * commit, for scans whose spec names a GitHub repository. Setting the same status again is harmless, so a retry
 * needs nothing more from GitHub.
 */
@Singleton
@Requires(property = "atoll.workers.notifications.github.token")
final class GitHubStatusChannel implements NotificationChannel {
    /** The REST API version whose shape this channel sends. */
    static final String API_VERSION = "2022-11-28";

    private final GitHubStatusSettings settings;
    private final NotificationPoster poster;
    private final String apiRoot;

    GitHubStatusChannel(GitHubStatusSettings settings, NotificationPoster poster) {
        this.settings = requireNonNull(settings, "settings is null");
        this.poster = requireNonNull(poster, "poster is null");
        String api = settings.apiUrl().toString();
        this.apiRoot = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    }

    @Override
    public String name() {
        return "github-status";
    }

    @Override
    public boolean appliesTo(Completion completion) {
        return GitHubCommit.of(completion).isPresent();
    }

    @Override
    public String target(Completion completion) {
        return commit(completion).toString();
    }

    @Override
    public void send(Notification notification) throws NotificationFailedException {
        Completion completion = notification.completion();
        GitHubCommit commit = GitHubCommit.of(completion).orElseThrow(() -> new NotificationFailedException(
                "request " + completion.requestId() + " is not a repository scan of a GitHub commit", false));
        String targetUrl = settings.targetUrl() == null || settings.targetUrl().isBlank()
                ? null
                : settings.targetUrl().replace("{requestId}", completion.requestId().toString());
        byte[] body = poster.json(GitHubCommitStatus.of(completion, targetUrl));
        poster.post(URI.create(apiRoot + commit.statusesPath()), notification, Map.of(
                "Authorization", "Bearer " + settings.token(),
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", API_VERSION), body);
    }

    private static GitHubCommit commit(Completion completion) {
        return GitHubCommit.of(completion).orElseThrow(() -> new IllegalArgumentException(
                "request " + completion.requestId() + " is not a repository scan of a GitHub commit; ask appliesTo first"));
    }
}
