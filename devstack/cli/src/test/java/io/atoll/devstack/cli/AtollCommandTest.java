package io.atoll.devstack.cli;

import io.atoll.devstack.platform.ComponentState;
import io.atoll.devstack.platform.ComponentStatus;
import io.atoll.devstack.server.Endpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.platform.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AtollCommandTest {
    @Test
    void anUnknownCommandIsOneLineAndExitCode2() {
        CommandRun run = run("frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("atoll: Unmatched argument at index 0: 'frobnicate' (see atoll --help)");
    }

    @Test
    void aPortThatIsNotAPortIsOneLineNamingIt() {
        for (String bad : List.of("0", "65536", "http", "-1")) {
            CommandRun run = run("up", "--cassandra-port", bad);

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").contains("'" + bad + "' is not a port");
        }
    }

    @Test
    void everyCommandExplainsItselfWithItsOwnOptionsOnly() {
        Map<String, List<String>> own = Map.of(
                "up", List.of("--postgres-port", "--cassandra-heap", "--regions", "--servers-only", "--state-dir"),
                "down", List.of("--state-dir"),
                "status", List.of("--state-dir", "--json", "--watch"),
                "simulate", List.of("--target", "--devices", "--regions", "--max-failed-percent", "--window", "--admin-url"),
                "accounts", List.of("--cell", "--state-dir"),
                "keys", List.of("--cell", "--state-dir"),
                "cells", List.of("--admin-url", "--token", "--json", "--state-dir"),
                "chaos", List.of("--state-dir"));
        Map<String, List<String>> operatorCommands = Map.of(
                "jobs list", List.of("--cell", "--status", "--limit", "--after", "--json", "--state-dir"),
                "jobs show", List.of("--cell", "--json", "--state-dir", "REQUEST"),
                "jobs scan", List.of("--cell", "--repository", "--commit", "--github", "--wait", "--timeout", "--state-dir"),
                "jobs cleanup", List.of("--cell", "--older-than", "--purge-only", "--archive-only", "--state-dir"),
                "dlq list", List.of("--cell", "--json", "--state-dir"),
                "dlq show", List.of("--cell", "--queue", "--limit", "--json", "--state-dir"),
                "dlq replay", List.of("--cell", "--queue", "--message-id", "--all", "--state-dir"));
        List<String> serverOptions = List.of("--postgres-host", "--postgres-port", "--rabbitmq-port", "--s3-port", "--cassandra-port",
                "--cassandra-heap", "--regions", "--cell-base-port", "--router-port", "--servers-only");
        Map<String, List<String>> all = new HashMap<>(own);
        all.putAll(operatorCommands);
        all.forEach((command, options) -> {
            CommandRun run = run((command + " --help").split(" "));

            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: atoll " + command).contains("-h, --help").contains(options);
            if (!command.equals("up")) {
                assertThat(run.out()).as(command).doesNotContain(serverOptions.stream().filter(option -> !options.contains(option)).toList());
            }
        });
    }

    @Test
    void noCommandAtAllListsEveryCommand() {
        CommandRun run = run();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("a command is missing")
                .containsPattern("(?m)^\\s+up\\s").contains("down", "status", "simulate", "accounts", "keys", "cells", "jobs", "dlq", "chaos");
    }

    @Test
    void operatorCommandsRefuseWhatTheyCannotDoInOneLine() {
        CommandRun unknownCell = run("keys", "list", "--cell", "mars", "--state-dir", "/nonexistent");
        CommandRun unknownAction = run("keys", "frob", "--cell", "eu-west-1");
        CommandRun drainWithoutCell = run("cells", "drain");
        CommandRun noToken = run("cells", "list", "--state-dir", "/nonexistent", "--token", "");
        CommandRun chaos = run("chaos", "kill-cell", "atlantis", "--state-dir", "/nonexistent");

        for (CommandRun refused : List.of(unknownCell, unknownAction, drainWithoutCell, noToken, chaos)) {
            assertThat(refused.exit()).as(refused.err()).isNotZero();
            assertThat(refused.err().strip()).doesNotContain("\n").startsWith("atoll: ");
        }
        assertThat(unknownCell.err()).contains("no cell 'mars'");
        assertThat(unknownAction.err()).contains("rotate or list");
        assertThat(drainWithoutCell.err()).contains("needs the cell");
        assertThat(noToken.err()).contains("no operator token");
        assertThat(chaos.err()).contains("atlantis");
    }

    @Test
    void theCommandsAfterUpUseTheSettingsItRecorded(@TempDir Path stateDir) {
        CommandLine command = new CommandLine(new AtollCommand());
        command.parseArgs("up", "--state-dir", stateDir.toString(), "--regions", "eu-west-1,ap-south-1", "--cell-base-port", "18110",
                "--postgres-port", "15999");
        CommandLine.Model.CommandSpec upOptions = command.getSubcommands().get("up").getCommandSpec().mixins().get("options");

        PlatformOptions.record(stateDir, upOptions);
        PlatformSettings recorded = PlatformOptions.recorded(stateDir).settings();

        assertThat(recorded.regions()).containsExactly("eu-west-1", "ap-south-1");
        assertThat(recorded.cellBasePort()).isEqualTo(18110);
        assertThat(recorded.postgres().port()).isEqualTo(15999);
        assertThat(recorded.stateDir()).isEqualTo(stateDir.toAbsolutePath());
        assertThat(recorded.repository()).isPresent();
        assertThat(PlatformOptions.recorded(stateDir.resolve("never-up")).settings().regions()).containsExactly("eu-west-1", "us-east-1");
    }

    @Test
    void upEndsWithEveryAddressAPersonUsesAndTheOperatorToken() {
        PlatformSettings settings = PlatformOptions.recorded(Path.of("/s")).settings();
        List<ComponentStatus> components = settings.stages().stream().flatMap(List::stream)
                .map(server -> new ComponentStatus(server.name(), server.endpoint(), ComponentState.READY, true, OptionalLong.of(1), Optional.empty()))
                .toList();

        String table = Addresses.table(components, settings);

        assertThat(table).containsPattern("router\\s+ready\\s+http://127.0.0.1:8080\\s.*admin API and page: http://127.0.0.1:8081/")
                .containsPattern("eu-west-1/auth\\s+ready\\s+http://127.0.0.1:8110\\s")
                .containsPattern("us-east-1/app\\s+ready\\s+http://127.0.0.1:8121\\s.*http://127.0.0.1:9121/swagger-ui")
                .containsPattern("eu-west-1/workers\\s+ready\\s+http://127.0.0.1:8113\\s.*http://127.0.0.1:9113/health;")
                .doesNotContain("9113/swagger-ui")
                .containsPattern("router\\s+ready\\s+http://127.0.0.1:8080\\s.*its API: http://127.0.0.1:8080/openapi/mobile-api.yml")
                .containsPattern("eu-west-1/storage\\s+ready\\s+http://127.0.0.1:8112\\s.*http://127.0.0.1:9112")
                .containsPattern("us-east-1/workers\\s+ready\\s+http://127.0.0.1:8123\\s.*management: http://127.0.0.1:9123")
                .containsPattern("s3\\s+ready\\s+http://127.0.0.1:8333\\s.*S3Proxy")
                .containsPattern("postgres\\s+ready\\s+127.0.0.1:5432")
                .containsPattern("rabbitmq\\s+ready\\s+127.0.0.1:5672")
                .containsPattern("cassandra-us-east-1\\s+ready\\s+127.0.0.2:9042")
                .contains("operator token (router admin API, `atoll cells`): /s/router/admin-token");
    }

    @Test
    void upSaysHowFarItIsAndWhatItWaitsFor() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        UpProgress progress = new UpProgress(new PrintWriter(text), 3, clock::get);

        clock.set(1_200_000_000L);
        progress.report("postgres", "using the server already running on 127.0.0.1:5432");
        progress.report("cassandra", "starting node");
        clock.set(5_000_000_000L);
        progress.tick();
        clock.set(11_300_000_000L);
        progress.tick();

        assertThat(text.toString().lines()).containsExactly(
                "[  1.2s] [postgres] using the server already running on 127.0.0.1:5432 (1 of 3 ready)",
                "[  1.2s] [cassandra] starting node",
                "[ 11.3s] 1 of 3 ready; waiting for cassandra");
    }

    @Test
    void cellsListIsATable() throws Exception {
        JsonNode answer = new ObjectMapper().readTree("""
                {"registry": {"file": "/s/router/cells.json"}, "cells": [
                  {"id": "eu-west-1", "region": "eu-west-1", "ingressUrl": "http://127.0.0.1:8110", "registryState": "active",
                   "drainedBy": [], "readiness": "READY", "rttMillis": 1.25, "routable": true, "requestsPerSecond": 3.5, "errorRate": 0.0},
                  {"id": "us-east-1", "region": "us-east-1", "ingressUrl": "http://127.0.0.1:8120", "registryState": "active",
                   "drainedBy": ["operator"], "readiness": "NOT_READY", "lastProbeFailure": "connection refused", "rttMillis": null,
                   "routable": false, "requestsPerSecond": 0, "errorRate": 0.5}]}
                """);

        List<String> lines = CellsCommand.table(answer.path("cells")).lines().toList();

        assertThat(lines.get(0)).startsWith("CELL").contains("READINESS", "ROUTABLE", "RTT ms", "REQ/s");
        assertThat(lines.get(1)).containsPattern("eu-west-1\\s+eu-west-1\\s+active\\s+ready\\s+yes\\s+1.3\\s+3.5\\s+0.0\\s+http://127.0.0.1:8110");
        assertThat(lines.get(2)).containsPattern("us-east-1\\s+us-east-1\\s+drained\\s+not-ready\\s+no\\s+-\\s+0.0\\s+50.0")
                .contains("last probe: connection refused", "drained by operator");
    }

    @Test
    void theRoutersViewOfTheCellsChangingIsAnEvent() {
        Map<String, String> before = Map.of("eu-west-1", "routable, ready", "us-east-1", "routable, ready");
        Map<String, String> after = Map.of("eu-west-1", "not routable, not-ready", "us-east-1", "routable, ready", "ap-south-1", "routable, ready");

        assertThat(RouterWatch.changes(before, before)).isEmpty();
        assertThat(RouterWatch.changes(before, after)).containsExactlyInAnyOrder(
                "router: cell eu-west-1 is not routable, not-ready (was routable, ready)",
                "router: cell ap-south-1 appeared (routable, ready)");
        assertThat(RouterWatch.changes(after, before)).contains("router: cell ap-south-1 left the registry");
    }

    @Test
    void aSimulationThatMostlyFailsExitsNonZeroAfterShowingItsSignUps() {
        CommandRun run = run("simulate", "--target", "http://127.0.0.1:1", "--devices", "2", "--minutes", "0.05", "--interval", "0.5",
                "--state-dir", "/nonexistent");

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("signing up 2 members: 0 done").contains("by window:").contains("not watching the router's cells");
        assertThat(run.err().strip()).isEqualTo("atoll: 100.00% of the calls failed, more than --max-failed-percent 1");
    }

    @Test
    void statusJsonHasOneEntryPerComponent() {
        List<ComponentStatus> components = List.of(
                new ComponentStatus("postgres", Endpoint.loopback(5432), ComponentState.READY, false, OptionalLong.empty(), Optional.empty()),
                new ComponentStatus("cassandra", Endpoint.loopback(9042), ComponentState.CRASHED, true, OptionalLong.of(77),
                        Optional.of(Path.of("/s/cassandra/cassandra.log"))));

        String json = StatusView.json(Path.of("/s"), components).replaceAll("\\s", "");

        assertThat(json).contains("\"name\":\"postgres\",\"address\":\"127.0.0.1:5432\"", "\"state\":\"ready\",\"owned\":false,\"pid\":null")
                .contains("\"state\":\"crashed\",\"owned\":true,\"pid\":77,\"log\":\"/s/cassandra/cassandra.log\"");
        assertThat(StatusView.table(components)).contains("crashed").contains("/s/cassandra/cassandra.log");
    }

    @Test
    void statusShowsWhatAComponentReportsBesideItsStateSuchAsAReplicasLag() {
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("primary", "127.0.0.1:5442");
        lag.put("streaming", true);
        lag.put("replicationLagBytes", 0L);
        lag.put("replicationLagSeconds", 0.0);
        List<ComponentStatus> components = List.of(new ComponentStatus("postgres-replica", Endpoint.loopback(5443), ComponentState.READY, true,
                OptionalLong.of(78), Optional.of(Path.of("/s/postgres-replica/postgres.log")), lag));

        assertThat(StatusView.table(components)).contains("\n  primary: 127.0.0.1:5442, streaming: true, replicationLagBytes: 0, replicationLagSeconds: 0.0\n");
        assertThat(StatusView.json(Path.of("/s"), components).replaceAll("\\s", ""))
                .contains("\"details\":{\"primary\":\"127.0.0.1:5442\",\"streaming\":true,\"replicationLagBytes\":0,\"replicationLagSeconds\":0.0}");
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
