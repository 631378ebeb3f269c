package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.notify.support.Completions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GitHubCommitStatusTest {
    private static final List<Map<String, Object>> ONE_SECRET = List.of(Map.of("path", "app/.env", "line", 3, "rule", "aws-access-key"));

    @Test
    void aFinishedScanWithoutSecretsIsASuccess() {
        assertThat(GitHubCommitStatus.of(Completions.repositoryScan("succeeded", List.of()), null))
                .isEqualTo(new GitHubCommitStatus("success", "0 secrets in 12 directories", "atoll/repository-scan", null));
    }

    @Test
    void secretsFoundAreAFailureEvenWhenPartOfTheScanFailed() {
        assertThat(GitHubCommitStatus.state(Completions.repositoryScan("succeeded", ONE_SECRET))).isEqualTo("failure");
        assertThat(GitHubCommitStatus.state(Completions.repositoryScan("partial", ONE_SECRET))).isEqualTo("failure");
    }

    @Test
    void aScanThatCouldNotFinishIsAnError() {
        assertThat(GitHubCommitStatus.state(Completions.repositoryScan("failed", List.of()))).isEqualTo("error");
        assertThat(GitHubCommitStatus.state(Completions.repositoryScan("partial", List.of()))).isEqualTo("error");
    }

    @Test
    void secretsMayBeCountedInsteadOfListed() {
        assertThat(GitHubCommitStatus.secretsFound(Map.of("secrets", 2))).isTrue();
        assertThat(GitHubCommitStatus.secretsFound(Map.of("secrets", 0))).isFalse();
        assertThat(GitHubCommitStatus.secretsFound(Map.of())).isFalse();
    }

    @Test
    void theDescriptionFitsGitHubsLimit() {
        Completion scan = Completions.repositoryScan("succeeded", List.of());
        Completion longHeadline = new Completion(scan.requestId(), scan.cell(), scan.kind(), null, scan.subjectId(), "succeeded",
                "a".repeat(300), scan.spec(), scan.summary(), scan.completedAt());

        assertThat(GitHubCommitStatus.of(longHeadline, null).description()).hasSize(140).endsWith("a…");
    }

    @Test
    void theCommitIsReadFromTheScansSpec() {
        assertThat(GitHubCommit.of(Completions.repositoryScan("succeeded", List.of())))
                .contains(new GitHubCommit("octo-org", "atoll-demo", Completions.COMMIT));
        assertThat(GitHubCommit.of(scanOf(Map.of("commit", Completions.COMMIT.toUpperCase(),
                "github", Map.of("owner", "o", "repo", "r.js")))))
                .contains(new GitHubCommit("o", "r.js", Completions.COMMIT));
    }

    @Test
    void specsThatDoNotNameAGitHubCommitSafelyAreNotReportedThere() {
        Map<String, Object> github = Map.of("owner", "octo-org", "repo", "atoll-demo");
        assertThat(GitHubCommit.of(Completions.photo("x"))).as("not a scan").isEmpty();
        assertThat(GitHubCommit.of(scanOf(Map.of("commit", Completions.COMMIT)))).as("no github").isEmpty();
        assertThat(GitHubCommit.of(scanOf(Map.of("github", github)))).as("no commit").isEmpty();
        assertThat(GitHubCommit.of(scanOf(Map.of("commit", "3f78685", "github", github)))).as("abbreviated sha").isEmpty();
        assertThat(GitHubCommit.of(scanOf(Map.of("commit", Completions.COMMIT, "github", Map.of("owner", "../..", "repo", "x")))))
                .as("owner with a path in it").isEmpty();
        assertThat(GitHubCommit.of(scanOf(Map.of("commit", Completions.COMMIT, "github", Map.of("owner", "o", "repo", "..")))))
                .as("repo that is a path step").isEmpty();
        assertThat(GitHubCommit.of(scanOf(Map.of("commit", Completions.COMMIT, "github", Map.of("owner", "o", "repo", "a/b")))))
                .as("repo with a slash").isEmpty();
        assertThat(GitHubCommit.of(scanOf(Map.of("commit", Completions.COMMIT, "github", "octo-org/atoll-demo"))))
                .as("github not an object").isEmpty();
    }

    private static Completion scanOf(Map<String, Object> spec) {
        return new Completion(UUID.randomUUID(), "eu-west-1", "repository-scan", null, "s", "succeeded", "h", spec, Map.of(),
                Instant.parse("2026-12-05T11:00:00Z"));
    }
}
