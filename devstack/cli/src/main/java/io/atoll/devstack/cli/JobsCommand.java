package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.PlatformSettings;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "jobs",
        description = "A cell's background jobs: jobs list, jobs show ID, jobs scan (a repository), jobs cleanup. "
                + "Each has its own --help.",
        subcommands = {JobsCommand.ListRequests.class, JobsCommand.ShowRequest.class, JobsCommand.ScanRepository.class,
                JobsCommand.Cleanup.class})
final class JobsCommand implements Runnable {
    private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "jobs needs an action: list, show, scan or cleanup");
    }

    @Command(name = "list", description = "Lists a cell's job requests, newest first: id, kind, status, when made and completed, subject.")
    static final class ListRequests implements Runnable {
        @Mixin
        StateDirOption state;

        @Mixin
        CellOption cell;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only the requests in this status: requested, planned, succeeded, partial or failed.")
        String status;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--after", paramLabel = "CURSOR", description = "The next page: the cursor the page before ended with.")
        String after;

        @Option(names = "--json", description = "Print storage's answer as JSON, for programs.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (status != null && !JobsView.STATUSES.contains(status)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--status takes one of " + String.join(", ", JobsView.STATUSES)
                        + ", not '" + status + "'");
            }
            if (limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
            }
            PlatformSettings settings = state.settings();
            JsonNode page = OperatorAccess.storage(settings, CellAdmin.cell(settings, cell.region)).get(query(status, limit, after));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(JobsView.pretty(page));
                return;
            }
            out.print(JobsView.list(page));
            if (page.path("next").isTextual()) {
                out.println("more: ./atoll jobs list --cell " + cell.region + (status == null ? "" : " --status " + status)
                        + " --limit " + limit + " --after " + page.path("next").asText());
            }
        }

        static String query(String status, int limit, String after) {
            return "/job-requests?limit=" + limit + (status == null ? "" : "&status=" + StorageApi.encode(status))
                    + (after == null ? "" : "&after=" + StorageApi.encode(after));
        }
    }

    @Command(name = "show", description = "Shows a job request: its status and summary, its jobs (status, attempts, exit code, "
            + "the end of the stderr of those that did not succeed) and its notifications.")
    static final class ShowRequest implements Runnable {
        @Parameters(index = "0", paramLabel = "REQUEST", description = "The request's id.")
        String id;

        @Mixin
        StateDirOption state;

        @Mixin
        CellOption cell;

        @Option(names = "--json", description = "Print storage's answer as JSON (with each job's result and whole stderr), for programs.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            String request = requestId(spec, id);
            PlatformSettings settings = state.settings();
            JsonNode view = OperatorAccess.storage(settings, CellAdmin.cell(settings, cell.region)).get("/job-requests/" + request);
            spec.commandLine().getOut().print(json ? JobsView.pretty(view) : JobsView.request(view));
        }
    }

    @Command(name = "scan", description = "Asks a cell to scan a Git repository at a commit (files, lines and languages per top-level "
            + "folder, and secrets committed by mistake), and prints the request's id and how to follow it. With --wait, follows it "
            + "until it completes and exits 0 when it succeeded, else " + JobsCommand.ScanRepository.NOT_SUCCEEDED + ".")
    static final class ScanRepository implements Callable<Integer> {
        /** The exit code when the scan ran and did not wholly succeed: apart from errors (1) and bad usage (2). */
        static final int NOT_SUCCEEDED = 3;
        private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

        @Mixin
        StateDirOption state;

        @Mixin
        CellOption cell;

        @Option(names = "--repository", required = true, paramLabel = "PATH", description = "A folder of the Git repository on this machine.")
        Path repository;

        @Option(names = "--commit", paramLabel = "COMMIT", defaultValue = "HEAD",
                description = "The commit: a sha, or a name git resolves to one, such as HEAD or a branch (default: ${DEFAULT-VALUE}).")
        String commit;

        @Option(names = "--github", paramLabel = "OWNER/REPO", description = "Report the outcome as a commit status of this GitHub repository.")
        String github;

        @Option(names = "--wait", description = "Follow the request until it completes, printing its jobs' progress.")
        boolean wait;

        @Option(names = "--timeout", paramLabel = "AGE", defaultValue = "30m", converter = AgeConverter.class,
                description = "How long --wait follows it before giving up, e.g. 90s or 1h (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            RepositoryScan scan;
            try {
                scan = RepositoryScan.of(repository.toAbsolutePath().normalize(), commit, Optional.ofNullable(github));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            PlatformSettings settings = state.settings();
            CellServices target = CellAdmin.cell(settings, cell.region);
            StorageApi storage = OperatorAccess.storage(settings, target);
            JsonNode request = storage.post("/job-requests", scan.request(UUID.randomUUID()));
            String id = request.path("id").asText();
            PrintWriter out = spec.commandLine().getOut();
            out.println("requested " + RepositoryScan.KIND + " " + id + " of " + scan.subject() + " in cell " + target.region());
            if (!wait) {
                out.println("follow it: ./atoll jobs show " + id + " --cell " + target.region());
                return 0;
            }
            JsonNode completed = follow(storage, request, out);
            out.println();
            out.print(JobsView.request(completed));
            return "succeeded".equals(completed.path("status").asText()) ? 0 : NOT_SUCCEEDED;
        }

        /** Looks at the request every second, printing what changed, until it completes or {@link #timeout} passes. */
        private JsonNode follow(StorageApi storage, JsonNode request, PrintWriter out) throws InterruptedException {
            long started = System.nanoTime();
            String path = "/job-requests/" + request.path("id").asText();
            JsonNode before = null;
            JsonNode now = request;
            while (true) {
                double seconds = (System.nanoTime() - started) / 1e9;
                JobsView.changes(before, now).forEach(line -> out.printf("[%6.1fs] %s%n", seconds, line));
                out.flush();
                if (JobsView.COMPLETED.contains(now.path("status").asText())) {
                    return now;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(timeout) > 0) {
                    throw new PlatformException("request " + request.path("id").asText() + " is still "
                            + now.path("status").asText() + " after " + AgeConverter.format(timeout) + "; it goes on: ./atoll jobs show "
                            + request.path("id").asText() + " --cell " + cell.region);
                }
                Thread.sleep(LOOK_EVERY.toMillis());
                before = now;
                now = storage.get(path);
            }
        }
    }

    @Command(name = "cleanup", description = "Runs a cell's cleanup now, as its schedule would: archives the check-ins older than "
            + "the hot window to Parquet in the warehouse's landing bucket, then deletes them, and purges expired uploads. "
            + "Prints its progress; exits with the cleanup's own exit code.")
    static final class Cleanup implements Callable<Integer> {
        @Mixin
        StateDirOption state;

        @Mixin
        CellOption cell;

        @Option(names = "--older-than", paramLabel = "AGE", converter = AgeConverter.class,
                description = "Archive the check-ins older than this, e.g. 30d (default: the workers' hot window).")
        Duration olderThan;

        @ArgGroup(exclusive = true)
        Only only;

        static final class Only {
            @Option(names = "--purge-only", required = true, description = "Only purge the expired uploads.")
            boolean purge;

            @Option(names = "--archive-only", required = true, description = "Only archive the old check-ins.")
            boolean archive;
        }

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (olderThan != null && only != null && only.purge) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--older-than is for the archive, which --purge-only skips");
            }
            List<String> arguments = WorkersCleanup.arguments(olderThan == null ? null : AgeConverter.format(olderThan),
                    only != null && only.purge, only != null && only.archive);
            return WorkersCleanup.run(state.settings(), cell.region, arguments, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** A request id as given, when it is one. */
    static String requestId(CommandSpec spec, String id) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + id + "' is not a request id (a UUID such as jobs list shows)");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
