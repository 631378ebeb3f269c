package io.atoll.devstack.cli;

import io.atoll.devstack.platform.ComponentState;
import io.atoll.devstack.platform.ComponentStatus;
import io.atoll.devstack.server.Endpoint;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AtollCommandTest {
    @Test
    void anUnknownCommandIsOneLineAndExitCode2() {
        Run run = run("frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("atoll: Unmatched argument at index 0: 'frobnicate' (see atoll --help)");
    }

    @Test
    void aPortThatIsNotAPortIsOneLineNamingIt() {
        for (String bad : List.of("0", "65536", "http", "-1")) {
            Run run = run("up", "--cassandra-port", bad);

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").contains("'" + bad + "' is not a port");
        }
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : List.of("up", "down", "status", "simulate", "accounts", "keys", "cells", "chaos")) {
            Run run = run(command, "--help");

            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: atoll " + command).contains("-h, --help");
        }
    }

    @Test
    void noCommandAtAllSaysWhichOnesThereAre() {
        Run run = run();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("up, down or status");
    }

    @Test
    void operatorCommandsRefuseWhatTheyCannotDoInOneLine() {
        Run unknownCell = run("keys", "list", "--cell", "mars", "--servers-only");
        Run unknownAction = run("keys", "frob", "--cell", "eu-west-1");
        Run drainWithoutCell = run("cells", "drain");
        Run noToken = run("cells", "list", "--state-dir", "/nonexistent", "--token", "");
        Run chaos = run("chaos", "kill-cell", "atlantis", "--state-dir", "/nonexistent");

        for (Run refused : List.of(unknownCell, unknownAction, drainWithoutCell, noToken, chaos)) {
            assertThat(refused.exit()).as(refused.err()).isNotZero();
            assertThat(refused.err().strip()).doesNotContain("\n").startsWith("atoll: ");
        }
        assertThat(unknownAction.err()).contains("rotate or list");
        assertThat(drainWithoutCell.err()).contains("needs the cell");
        assertThat(noToken.err()).contains("no operator token");
        assertThat(chaos.err()).contains("atlantis");
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

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AtollCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
    }
}
