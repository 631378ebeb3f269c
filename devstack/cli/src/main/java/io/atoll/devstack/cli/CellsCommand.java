package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.StreamSupport;

@Command(name = "cells", description = "Lists the router's cells, or drains and undrains one: cells list, cells drain eu-west-1, cells undrain eu-west-1.")
final class CellsCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ROW = "%-12s %-11s %-10s %-9s %-8s %8s %8s %7s  %s%n";

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, drain or undrain")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CELL", description = "The cell to drain or undrain.")
    String cell;

    @Mixin
    RouterAdminOptions router;

    @Mixin
    StateDirOption state;

    @Option(names = "--json", description = "Print the router's answer as JSON, for programs.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (!List.of("list", "drain", "undrain").contains(action)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cells takes list, drain or undrain, not '" + action + "'");
        }
        if (!"list".equals(action) && cell == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), action + " needs the cell, e.g. cells " + action + " eu-west-1");
        }
        RouterAdmin admin = router.client(state.path());
        JsonNode answer = "list".equals(action) ? admin.cells() : admin.act(cell, action);
        spec.commandLine().getOut().print(json ? pretty(answer) : table("list".equals(action) ? answer.path("cells") : List.of(answer)));
    }

    /** The cells one a line, as the admin page shows them. */
    static String table(Iterable<JsonNode> cells) {
        StringBuilder table = new StringBuilder(String.format(ROW, "CELL", "REGION", "STATE", "READINESS", "ROUTABLE", "RTT ms", "REQ/s", "5xx %", "INGRESS"));
        for (JsonNode cell : cells) {
            List<String> drainedBy = StreamSupport.stream(cell.path("drainedBy").spliterator(), false).map(JsonNode::asText).toList();
            String state = drainedBy.isEmpty() ? cell.path("registryState").asText() : "drained";
            String readiness = cell.path("readiness").asText().toLowerCase().replace('_', '-');
            table.append(String.format(ROW, cell.path("id").asText(), cell.path("region").asText(), state, readiness,
                    cell.path("routable").asBoolean() ? "yes" : "no",
                    cell.path("rttMillis").isNumber() ? String.format("%.1f", cell.path("rttMillis").asDouble()) : "-",
                    String.format("%.1f", cell.path("requestsPerSecond").asDouble()),
                    String.format("%.1f", cell.path("errorRate").asDouble() * 100),
                    cell.path("ingressUrl").asText()
                            + (cell.path("lastProbeFailure").isTextual() ? "  (last probe: " + cell.path("lastProbeFailure").asText() + ")" : "")
                            + (drainedBy.isEmpty() ? "" : "  (drained by " + String.join(", ", drainedBy) + ")")));
        }
        return table.toString();
    }

    private static String pretty(JsonNode answer) {
        try {
            return JSON.writeValueAsString(answer) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
