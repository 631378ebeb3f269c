package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a repository scan reports on, from its spec: {@code {"commit": sha, "github": {"owner", "repo"}}}.
 * Only names GitHub itself allows are taken, as they become part of the API's path.
 */
record GitHubCommit(String owner, String repo, String sha) {
    static final String REPOSITORY_SCAN = "repository-scan";
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** A full commit id: SHA-1, or SHA-256 in repositories that use it. */
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    static Optional<GitHubCommit> of(Completion completion) {
        if (!completion.kind().equals(REPOSITORY_SCAN)) {
            return Optional.empty();
        }
        Map<String, Object> spec = completion.spec();
        if (!(spec.get("github") instanceof Map<?, ?> github)
                || !(github.get("owner") instanceof String owner) || !OWNER.matcher(owner).matches()
                || !(github.get("repo") instanceof String repo) || !REPO.matcher(repo).matches() || repo.matches("\\.+")
                || !(spec.get("commit") instanceof String sha) || !SHA.matcher(sha).matches()) {
            return Optional.empty();
        }
        return Optional.of(new GitHubCommit(owner, repo, sha.toLowerCase(Locale.ROOT)));
    }

    /** The path of its statuses under the API's root. */
    String statusesPath() {
        return "/repos/" + owner + "/" + repo + "/statuses/" + sha;
    }

    @Override
    public String toString() {
        return owner + "/" + repo + "@" + sha;
    }
}
