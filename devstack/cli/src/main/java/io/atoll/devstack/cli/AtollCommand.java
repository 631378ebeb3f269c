package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** The {@code atoll} command: runs the local platform. */
@Command(name = "atoll",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "atoll 0.1.0",
        description = "Runs the Atoll platform on this machine with real servers.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, SimulateCommand.class,
                AccountsCommand.class, KeysCommand.class, CellsCommand.class, JobsCommand.class, DlqCommand.class, ChaosCommand.class,
                DataCommand.class, SqlCommand.class})
public final class AtollCommand implements Callable<Integer> {
    /** The exit code of a command line that is not one. */
    private static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: the list of commands, on the error stream, as for any other usage mistake. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("atoll: a command is missing; they are:");
        spec.commandLine().usage(err);
        return USAGE;
    }

    public static void main(String[] args) {
        // Before `up` starts servers side by side: SLF4J set up by several threads at once warns on stderr.
        LoggerFactory.getILoggerFactory();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; bad input and failures come out as one line on {@code err} and a non-zero code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AtollCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, ignored) -> {
            err.println("atoll: " + firstLine(problem.getMessage()) + " (see atoll --help)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((problem, ignored, parsed) -> {
            if (problem instanceof PlatformException) {
                err.println("atoll: " + problem.getMessage());
            } else {
                err.println("atoll: unexpected " + problem.getClass().getSimpleName() + ": " + firstLine(String.valueOf(problem.getMessage())));
            }
            return 1;
        });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
