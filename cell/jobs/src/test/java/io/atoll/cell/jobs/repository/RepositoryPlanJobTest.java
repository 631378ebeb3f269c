package io.atoll.cell.jobs.repository;

import io.atoll.cell.jobs.InvalidJobInputException;
import io.atoll.cell.jobs.support.TestRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.atoll.cell.jobs.support.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryPlanJobTest {
    private final RepositoryPlanJob job = new RepositoryPlanJob();

    @TempDir
    Path folder;

    @Test
    void plansOneScanPerTopLevelFolderThenOneForTheFilesAtTheTop() throws Exception {
        try (TestRepository repository = TestRepository.create(folder.resolve("work"))) {
            String commit = repository.write("web/index.html", "<p>hi</p>\n")
                    .write("api/src/Main.java", "class Main {}\n")
                    .write("README.md", "# Demo\n")
                    .commit("first");

            assertThat(job.run(spec("repository", repository.workTree(), "commit", commit)).directories())
                    .containsExactly("api", "web", ".");
        }
    }

    @Test
    void aTreeWithoutFilesAtTheTopPlansNoRootScan() throws Exception {
        try (TestRepository repository = TestRepository.create(folder.resolve("work"))) {
            String first = repository.write("lib/a.py", "print('a')\n").write("notes.txt", "later\n").commit("first");
            String second = repository.delete("notes.txt").write("app/b.py", "print('b')\n").commit("second");
            Path bare = repository.bareClone(folder.resolve("bare.git"));

            assertThat(job.run(spec("repository", bare.toUri().toString(), "commit", second)).directories())
                    .containsExactly("app", "lib");
            assertThat(job.run(spec("repository", bare.toString(), "commit", first)).directories())
                    .as("each commit's own tree")
                    .containsExactly("lib", ".");
        }
    }

    @Test
    void refusesAFolderThatIsNoRepository() {
        assertThatThrownBy(() -> job.run(spec("repository", folder, "commit", "0123456789abcdef")))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("is not a git repository");
        assertThatThrownBy(() -> job.run(spec("commit", "0123456789abcdef")))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("\"repository\"");
    }
}
