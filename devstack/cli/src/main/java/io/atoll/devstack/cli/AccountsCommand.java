package io.atoll.devstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "accounts", description = "Manages a cell's accounts, e.g. accounts create --cell eu-west-1 --type operator --email ops@example.test --password ...")
final class AccountsCommand implements Callable<Integer> {
    @Mixin
    StateDirOption state;

    @Option(names = "--cell", required = true, paramLabel = "REGION", description = "The cell whose accounts to manage.")
    String cell;

    @Parameters(index = "0", paramLabel = "ACTION", description = "create")
    String action;

    /** The action's own options (--type, --email, --client-id, --password, --scopes) belong to the cell's auth. */
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> command = new ArrayList<>(List.of("accounts", action));
        command.addAll(arguments);
        return CellAdmin.run(state.settings(), cell, command, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
