package io.atoll.cell.jobs.repository;

import io.atoll.cell.jobs.InvalidJobInputException;
import io.atoll.cell.jobs.JobSpec;
import io.atoll.cell.jobs.repository.RepositoryScanJob.DirectoryScan;
import io.atoll.cell.jobs.repository.RepositoryScanJob.LanguageCount;
import io.atoll.cell.jobs.support.TestRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.atoll.cell.jobs.support.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryScanJobTest {
    /** Put together here, so that no secret scanner takes this source file for a leak. */
    static final String FAKE_AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";

    private final RepositoryScanJob job = new RepositoryScanJob();

    @TempDir
    Path folder;

    private TestRepository repository;
    private String withKey;
    private String keyRemoved;

    @BeforeEach
    void commitTwice() {
        repository = TestRepository.create(folder.resolve("work"))
                .write("src/main/java/App.java", "class App {\n    void run() {\n    }\n}\n")
                .write("src/main/resources/aws.properties", "region=eu-west-1\naws.accessKeyId=" + FAKE_AWS_KEY_ID + "\n")
                .write("src/scripts/deploy.sh", "#!/bin/sh\r\necho deploying\r\n")
                .write("src/logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, '\n', '\n'})
                .write("docs/guide.md", "one\ntwo\nthree")
                .write("README.md", "# Demo\n");
        withKey = repository.commit("first");
        keyRemoved = repository.delete("src/main/resources/aws.properties").commit("remove the key");
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void countsFilesLinesAndLanguagesAndFindsTheCommittedKey() throws Exception {
        DirectoryScan scan = job.run(spec("repository", repository.workTree(), "commit", withKey, "directory", "src"));

        assertThat(scan.directory()).isEqualTo("src");
        assertThat(scan.files()).as("binary files count as files").isEqualTo(4);
        assertThat(scan.lines()).as("4 + 2 + 2, none for the binary").isEqualTo(8);
        assertThat(scan.languages()).containsExactly(
                Map.entry("Java", new LanguageCount(1, 4)),
                Map.entry("Shell", new LanguageCount(1, 2)));
        assertThat(scan.secrets()).containsExactly(
                new SecretFinding("src/main/resources/aws.properties", 2, SecretRule.AWS_ACCESS_KEY_ID));
        assertThat(scan.secretsOmitted()).isZero();
    }

    @Test
    void readsTheCommitNotTheWorkTree() throws Exception {
        repository.write("src/uncommitted.properties", "key=" + FAKE_AWS_KEY_ID + "\n");

        DirectoryScan scan = job.run(spec("repository", repository.workTree(), "commit", keyRemoved, "directory", "src"));

        assertThat(scan.files()).isEqualTo(3);
        assertThat(scan.lines()).isEqualTo(6);
        assertThat(scan.secrets()).isEmpty();
    }

    @Test
    void theRootFolderStandsForTheFilesAtTheTop() throws Exception {
        DirectoryScan scan = job.run(spec("repository", repository.workTree(), "commit", withKey, "directory", "."));

        assertThat(scan.files()).isEqualTo(1);
        assertThat(scan.lines()).isEqualTo(1);
        assertThat(scan.languages()).containsExactly(Map.entry("Markdown", new LanguageCount(1, 1)));
    }

    @Test
    void readsABareRepositoryByFileUrlAndAnAbbreviatedCommit() throws Exception {
        Path bare = repository.bareClone(folder.resolve("bare.git"));

        DirectoryScan scan = job.run(spec("repository", bare.toUri().toString(), "commit", withKey.substring(0, 10),
                "directory", "docs"));

        assertThat(scan.files()).isEqualTo(1);
        assertThat(scan.lines()).as("a last line without a line break counts").isEqualTo(3);
        assertThat(scan.languages()).containsExactly(Map.entry("Markdown", new LanguageCount(1, 3)));
    }

    @Test
    void reportsAtMostAThousandSecretsAndCountsTheRest() throws Exception {
        StringBuilder keys = new StringBuilder();
        for (int line = 0; line < RepositoryScanJob.MOST_REPORTED_SECRETS + 5; line++) {
            keys.append("key").append(line).append('=').append(FAKE_AWS_KEY_ID).append('\n');
        }
        String commit = repository.write("fixtures/keys.txt", keys.toString()).commit("fixtures");

        DirectoryScan scan = job.run(spec("repository", repository.workTree(), "commit", commit, "directory", "fixtures"));

        assertThat(scan.secrets()).hasSize(RepositoryScanJob.MOST_REPORTED_SECRETS);
        assertThat(scan.secretsOmitted()).isEqualTo(5);
    }

    @Test
    void refusesWhatCanNeverBeScanned() {
        Path work = repository.workTree();
        assertRejected(spec("repository", work, "commit", withKey, "directory", "missing"), "is not a folder at this commit");
        assertRejected(spec("repository", work, "commit", withKey, "directory", "README.md"), "is not a folder at this commit");
        assertRejected(spec("repository", work, "commit", withKey, "directory", "src/main"), "is not a top-level folder");
        assertRejected(spec("repository", work, "commit", "0123456789abcdef", "directory", "src"), "is not in repository");
        assertRejected(spec("repository", work, "commit", "HEAD", "directory", "src"), "is not a commit id");
        assertRejected(spec("repository", folder, "commit", withKey, "directory", "src"), "is not a git repository");
        assertRejected(spec("repository", "https://example.test/repo.git", "commit", withKey, "directory", "src"), "is not local");
        assertRejected(spec("repository", "git@example.test:team/repo.git", "commit", withKey, "directory", "src"), "is not local");
        assertRejected(spec("repository", work, "commit", withKey), "\"directory\"");
    }

    private void assertRejected(JobSpec spec, String reason) {
        assertThatThrownBy(() -> job.run(spec)).isInstanceOf(InvalidJobInputException.class).hasMessageContaining(reason);
    }
}
