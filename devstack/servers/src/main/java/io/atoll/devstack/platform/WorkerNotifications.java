package io.atoll.devstack.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The channels every cell's workers report completed job requests on (cell/workers' {@code
 * atoll.workers.notifications.*}). A channel is on only when it is given here; with none, the workers send nothing.
 *
 * @param slack a Slack incoming webhook's URL, to which every completion is posted
 * @param webhook a receiver to which every completion is posted as JSON, signed
 * @param gitHub where repository scans of GitHub commits are reported as commit statuses
 */
public record WorkerNotifications(Optional<URI> slack, Optional<Webhook> webhook, Optional<GitHubStatuses> gitHub) {
    /** What `./atoll up` starts the workers with: no channel, so nothing leaves the machine. */
    public static final WorkerNotifications NONE = new WorkerNotifications(Optional.empty(), Optional.empty(), Optional.empty());

    public WorkerNotifications {
        requireNonNull(slack, "slack is null");
        requireNonNull(webhook, "webhook is null");
        requireNonNull(gitHub, "gitHub is null");
        slack.ifPresent(url -> requireHttp(url, "the Slack webhook"));
    }

    /**
     * @param url where completions are posted
     * @param secret the key of their HMAC-SHA256 signature, shared with the receiver; the workers take no shorter one
     */
    public record Webhook(URI url, String secret) {
        static final int SHORTEST_SECRET = 32;

        public Webhook {
            requireHttp(url, "the webhook");
            requireNonNull(secret, "secret is null");
            if (secret.length() < SHORTEST_SECRET) {
                throw new IllegalArgumentException("the webhook's secret must be at least " + SHORTEST_SECRET + " characters, not "
                        + secret.length());
            }
        }

        /** Its secret stays out of logs and messages. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + "]";
        }
    }

    /**
     * @param apiUrl GitHub's REST API: {@code https://api.github.com}, or a GitHub Enterprise server's {@code https://HOST/api/v3}
     * @param token a token allowed to write commit statuses on the scanned repositories
     */
    public record GitHubStatuses(URI apiUrl, String token) {
        public GitHubStatuses {
            requireHttp(apiUrl, "GitHub's API");
            requireNonNull(token, "token is null");
            if (token.isBlank()) {
                throw new IllegalArgumentException("the GitHub token is blank");
            }
        }

        /** Its token stays out of logs and messages. */
        @Override
        public String toString() {
            return "GitHubStatuses[apiUrl=" + apiUrl + "]";
        }
    }

    /** A Slack webhook's URL is its own credential: only its scheme and host are shown, as the workers record it. */
    @Override
    public String toString() {
        return "WorkerNotifications[slack=" + slack.map(url -> url.getScheme() + "://" + url.getAuthority() + "/…").orElse("none")
                + ", webhook=" + webhook.map(Webhook::toString).orElse("none") + ", gitHub=" + gitHub.map(GitHubStatuses::toString).orElse("none")
                + "]";
    }

    /** The workers' environment variables for these channels, which Micronaut maps onto their properties. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        slack.ifPresent(url -> environment.put("ATOLL_WORKERS_NOTIFICATIONS_SLACK_URL", url.toString()));
        webhook.ifPresent(receiver -> {
            environment.put("ATOLL_WORKERS_NOTIFICATIONS_WEBHOOK_URL", receiver.url().toString());
            environment.put("ATOLL_WORKERS_NOTIFICATIONS_WEBHOOK_SECRET", receiver.secret());
        });
        gitHub.ifPresent(api -> {
            environment.put("ATOLL_WORKERS_NOTIFICATIONS_GITHUB_API_URL", api.apiUrl().toString());
            environment.put("ATOLL_WORKERS_NOTIFICATIONS_GITHUB_TOKEN", api.token());
        });
        return environment;
    }

    private static void requireHttp(URI url, String what) {
        requireNonNull(url, what + "'s URL is null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(what + "'s URL must be an http or https URL with a host, not " + url);
        }
    }
}
