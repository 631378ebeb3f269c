package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.StateFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

@Command(name = "chaos", description = "Breaks the local platform on purpose to watch it cope: chaos kill-cell eu-west-1 kills that cell's services at once.")
final class ChaosCommand implements Runnable {
    @Mixin
    StateDirOption state;

    @Parameters(index = "0", paramLabel = "ACTION", description = "kill-cell")
    String action;

    @Parameters(index = "1", paramLabel = "CELL", description = "The cell whose processes to kill.")
    String cell;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (!"kill-cell".equals(action)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "chaos takes kill-cell, not '" + action + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<OwnedProcess> victims = new StateFile(state.path()).all().stream()
                    .filter(process -> process.component().startsWith(cell + "/"))
                    .toList();
            if (victims.isEmpty()) {
                throw new PlatformException("no running process of cell '" + cell + "' was started by this platform");
            }
            for (OwnedProcess victim : victims) {
                // SIGKILL, as a machine failure would: no shutdown hooks, no goodbyes to the router.
                boolean killed = victim.live().map(ProcessHandle::destroyForcibly).orElse(false);
                out.printf("[%s] %s%n", victim.component(), killed ? "killed pid " + victim.pid() : "was not running");
            }
            out.println("`./atoll up` starts them again");
        } catch (IOException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }
}
