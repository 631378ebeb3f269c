package io.atoll.devstack.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `atoll jobs` and `atoll dlq` refuse what they cannot do in one line, before they reach any server where they can. */
class OperatorCommandsTest {
    private static final String REQUEST = "6f1c2a9e-4b7d-4e0a-9c3b-2d8e5f7a1b04";

    @Test
    void aMistakeOnTheCommandLineIsOneLineAndExitCode2() {
        assertUsage(CommandRun.of("jobs"), "jobs needs an action: list, show, scan or cleanup");
        assertUsage(CommandRun.of("dlq"), "dlq needs an action: list, show or replay");
        assertUsage(CommandRun.of("jobs", "list"), "Missing required option: '--cell=REGION'");
        assertUsage(CommandRun.of("jobs", "list", "--cell", "eu-west-1", "--status", "done"),
                "--status takes one of requested, planned, succeeded, partial, failed, not 'done'");
        assertUsage(CommandRun.of("jobs", "list", "--cell", "eu-west-1", "--limit", "0"), "--limit must be at least 1, not 0");
        assertUsage(CommandRun.of("jobs", "show", "42", "--cell", "eu-west-1"), "'42' is not a request id");
        assertUsage(CommandRun.of("jobs", "scan", "--cell", "eu-west-1", "--repository", ".", "--github", "atoll"),
                "--github takes owner/repo, not 'atoll'");
        assertUsage(CommandRun.of("jobs", "scan", "--cell", "eu-west-1", "--repository", ".", "--timeout", "soon"),
                "'soon' is not a span of time such as 90s, 30m, 12h or 30d");
        assertUsage(CommandRun.of("jobs", "cleanup", "--cell", "eu-west-1", "--purge-only", "--archive-only"), "mutually exclusive");
        assertUsage(CommandRun.of("jobs", "cleanup", "--cell", "eu-west-1", "--older-than", "30 days"), "'30 days' is not a span of time");
        assertUsage(CommandRun.of("jobs", "cleanup", "--cell", "eu-west-1", "--older-than", "30d", "--purge-only"),
                "--older-than is for the archive, which --purge-only skips");
        assertUsage(CommandRun.of("dlq", "show", "--cell", "eu-west-1", "--queue", "workers.other"),
                "--queue takes workers.job-requests, workers.jobs, workers.notifications, not 'workers.other'");
        assertUsage(CommandRun.of("dlq", "show", "--cell", "eu-west-1", "--queue", "workers.jobs", "--limit", "-1"), "--limit must be at least 1");
        assertUsage(CommandRun.of("dlq", "replay", "--cell", "eu-west-1", "--queue", "workers.jobs"), "--message-id=ID | --all");
        assertUsage(CommandRun.of("dlq", "replay", "--cell", "eu-west-1", "--queue", "workers.jobs", "--message-id", "m-1", "--all"),
                "mutually exclusive");
    }

    @Test
    void aCellThePlatformDoesNotHaveIsNamedWithTheCellsItHas(@TempDir Path state) {
        for (List<String> command : List.of(List.of("jobs", "show", REQUEST), List.of("jobs", "list"), List.of("jobs", "cleanup"),
                List.of("dlq", "list"))) {
            List<String> line = new ArrayList<>(command);
            line.addAll(List.of("--cell", "mars", "--state-dir", state.toString()));

            CommandRun run = CommandRun.of(line.toArray(String[]::new));

            assertThat(run.exit()).as(String.join(" ", line)).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("atoll: no cell 'mars'; the cells are [eu-west-1, us-east-1]");
        }
    }

    @Test
    void aCellWhoseServersDoNotAnswerIsOneLineSayingWhichAndWhere(@TempDir Path state) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Files.write(state.resolve(PlatformOptions.RECORD_FILE), List.of("--regions=eu-west-1", "--cell-base-port=" + closed,
                "--rabbitmq-port=" + closed));
        // The operator's account was made before, so the CLI goes straight to the cell's ingress for a token.
        Files.createDirectories(state.resolve("eu-west-1"));
        Files.writeString(state.resolve("eu-west-1/operator-client-secret"), "s".repeat(43));

        CommandRun jobs = CommandRun.of("jobs", "list", "--cell", "eu-west-1", "--state-dir", state.toString());
        CommandRun dlq = CommandRun.of("dlq", "list", "--cell", "eu-west-1", "--state-dir", state.toString());

        assertThat(jobs.exit()).isEqualTo(1);
        assertThat(jobs.err().strip()).doesNotContain("\n")
                .startsWith("atoll: cell eu-west-1's ingress at http://127.0.0.1:" + closed + " does not answer (ConnectException)");
        assertThat(dlq.exit()).isEqualTo(1);
        assertThat(dlq.err().strip()).doesNotContain("\n")
                .startsWith("atoll: RabbitMQ at 127.0.0.1:" + closed + " does not let us into vhost atoll-eu-west-1");
    }

    @Test
    void spansOfTimeAreWholeNumbersOfSecondsMinutesHoursOrDays() {
        AgeConverter ages = new AgeConverter();

        assertThat(ages.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ages.convert("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(List.of("90s", "30m", "12h", "30d").stream().map(age -> AgeConverter.format(ages.convert(age))))
                .containsExactly("90s", "30m", "12h", "30d");
        assertThat(AgeConverter.format(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThatThrownBy(() -> ages.convert("0d")).hasMessageContaining("'0d' is not a span of time");
        assertThatThrownBy(() -> ages.convert("1w")).hasMessageContaining("'1w' is not a span of time");
    }

    @Test
    void theCleanupIsTheWorkersOwnCommandWithTheOperatorsChoices() {
        assertThat(WorkersCleanup.arguments(null, false, false)).containsExactly("cleanup");
        assertThat(WorkersCleanup.arguments("30d", true, false)).containsExactly("cleanup", "--older-than", "30d", "--purge-only");
        assertThat(WorkersCleanup.arguments(null, false, true)).containsExactly("cleanup", "--archive-only");
    }

    @Test
    void aRefusalIsItsStatusWithTheProblemsTitleAndDetailOrTheOauthError() {
        assertThat(StorageApi.refusal(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no job request 6f1c\"}"))
                .isEqualTo("404 Not Found: no job request 6f1c");
        assertThat(StorageApi.refusal(400, "{\"error\":\"invalid_scope\",\"error_description\":\"storage:admin is not granted\"}"))
                .isEqualTo("400 invalid_scope: storage:admin is not granted");
        assertThat(StorageApi.refusal(502, "<html>\nBad Gateway\n</html>")).isEqualTo("502 <html> Bad Gateway </html>");
        assertThat(JobsCommand.ListRequests.query("failed", 20, "a b")).isEqualTo("/job-requests?limit=20&status=failed&after=a%20b");
    }

    private static void assertUsage(CommandRun run, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("atoll: ").contains(message);
    }
}
