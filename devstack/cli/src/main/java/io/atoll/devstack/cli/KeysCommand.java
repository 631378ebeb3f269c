package io.atoll.devstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "keys", description = "Rotates or lists a cell's token signing keys: keys rotate --cell eu-west-1, keys list --cell eu-west-1.")
final class KeysCommand implements Callable<Integer> {
    @Mixin
    StateDirOption state;

    @Option(names = "--cell", required = true, paramLabel = "REGION", description = "The cell whose keys to rotate or list.")
    String cell;

    @Parameters(index = "0", paramLabel = "ACTION", description = "rotate or list")
    String action;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!"rotate".equals(action) && !"list".equals(action)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "keys takes rotate or list, not '" + action + "'");
        }
        return CellAdmin.run(state.settings(), cell, List.of("keys", action), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
