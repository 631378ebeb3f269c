package io.atoll.cell.jobs.repository;

import io.atoll.cell.jobs.Job;
import io.atoll.cell.jobs.JobSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the scan of a repository at a commit: one {@link RepositoryScanJob} per top-level folder, and one for the
 * files at the top ({@code "."}) if there are any.
 */
public final class RepositoryPlanJob implements Job {
    public static final String KIND = "repository-plan";

    /** @param directories the top-level folders in order, then {@code "."} if files lie at the top */
    public record RepositoryPlan(List<String> directories) {
        public RepositoryPlan {
            directories = List.copyOf(directories);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public RepositoryPlan run(JobSpec spec) throws IOException {
        try (CommitTree commit = CommitTree.open(spec.text("repository"), spec.text("commit"))) {
            List<String> directories = new ArrayList<>(commit.topLevelFolders());
            if (commit.hasTopLevelFiles()) {
                directories.add(CommitTree.ROOT);
            }
            return new RepositoryPlan(directories);
        }
    }
}
