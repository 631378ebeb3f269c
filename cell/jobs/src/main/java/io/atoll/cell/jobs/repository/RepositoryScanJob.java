package io.atoll.cell.jobs.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atoll.cell.jobs.Job;
import io.atoll.cell.jobs.JobSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Scans one top-level folder of a repository at a commit (or, for {@code "."}, the files at the top): counts its
 * files, the lines of its text files, both per language, and finds committed secrets.
 */
public final class RepositoryScanJob implements Job {
    public static final String KIND = "repository-scan";
    /** Enough to act on; a folder full of test fixtures must not make a result of megabytes. */
    static final int MOST_REPORTED_SECRETS = 1000;

    public record LanguageCount(long files, long lines) {
    }

    /**
     * @param files every file, binary ones included
     * @param lines of the text files
     * @param languages by language name, in order, only the languages found
     * @param secrets in the order found, at most {@value #MOST_REPORTED_SECRETS}
     * @param secretsOmitted how many more were found than reported; left out of the JSON when 0
     */
    public record DirectoryScan(String directory, long files, long lines, Map<String, LanguageCount> languages,
                                List<SecretFinding> secrets,
                                @JsonInclude(JsonInclude.Include.NON_DEFAULT) int secretsOmitted) {
        public DirectoryScan {
            requireNonNull(directory, "directory is null");
            languages = Collections.unmodifiableSortedMap(new TreeMap<>(languages));
            secrets = List.copyOf(secrets);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public DirectoryScan run(JobSpec spec) throws IOException {
        String directory = spec.text("directory");
        Tally tally = new Tally();
        try (CommitTree commit = CommitTree.open(spec.text("repository"), spec.text("commit"))) {
            commit.readFiles(directory, (path, content) -> tally.add(path, FileScan.of(path, content)));
        }
        return new DirectoryScan(directory, tally.files, tally.lines, tally.languages, tally.secrets, tally.secretsOmitted);
    }

    /** The counts of a scan so far. */
    private static final class Tally {
        private final Map<String, LanguageCount> languages = new TreeMap<>();
        private final List<SecretFinding> secrets = new ArrayList<>();
        private long files;
        private long lines;
        private int secretsOmitted;

        void add(String path, FileScan file) {
            files++;
            lines += file.lines();
            Languages.of(path).ifPresent(language -> languages.merge(language, new LanguageCount(1, file.lines()),
                    (sum, one) -> new LanguageCount(sum.files() + one.files(), sum.lines() + one.lines())));
            for (SecretFinding secret : file.secrets()) {
                if (secrets.size() < MOST_REPORTED_SECRETS) {
                    secrets.add(secret);
                } else {
                    secretsOmitted++;
                }
            }
        }
    }
}
